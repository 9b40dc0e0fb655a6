using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The last shares found, with their verdicts once known, for the REST API and the dashboard. Bounded: it keeps the
/// newest <see cref="Capacity"/> and forgets the oldest (the durable record is the share journal, not this). Thread-safe.
/// </summary>
/// <param name="capacity">How many shares it keeps (at least 1).</param>
public sealed class RecentShares(int capacity = RecentShares.DefaultCapacity)
{
    /// <summary>Shares kept by default: a few minutes of the demo, hours of a real pool.</summary>
    public const int DefaultCapacity = 200;

    private readonly LinkedList<RecentShare> _shares = new();
    private readonly Dictionary<string, LinkedListNode<RecentShare>> _byId = new(StringComparer.Ordinal);

    /// <summary>How many shares it keeps.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Adds a share just found, its verdict still pending; the oldest goes when full.</summary>
    public void Found(FoundShare share)
    {
        // Job ids come from the pool: escaped before they are shown (UntrustedText).
        var entry = new RecentShare(share.Id, share.FoundAt, share.Difficulty, UntrustedText.Escape(share.Job.JobId, 64), share.Nonce, null, null);
        lock (_shares)
        {
            _byId[share.Id] = _shares.AddFirst(entry);
            while (_shares.Count > Capacity)
            {
                _byId.Remove(_shares.Last!.Value.Id);
                _shares.RemoveLast();
            }
        }
    }

    /// <summary>Records the verdict of a share added earlier (ignored when it has already been forgotten).</summary>
    public void Answered(FoundShare share, ShareOutcome outcome)
    {
        lock (_shares)
        {
            if (_byId.TryGetValue(share.Id, out LinkedListNode<RecentShare>? node))
            {
                node.Value = node.Value with { Verdict = outcome.Verdict, Reason = outcome.Reason is null ? null : UntrustedText.Escape(outcome.Reason, 200) };
            }
        }
    }

    /// <summary>The newest <paramref name="limit"/> shares, newest first.</summary>
    public IReadOnlyList<RecentShare> Latest(int limit)
    {
        lock (_shares)
        {
            var list = new List<RecentShare>(Math.Min(Math.Max(limit, 0), _shares.Count));
            for (LinkedListNode<RecentShare>? node = _shares.First; node is not null && list.Count < limit; node = node.Next)
            {
                list.Add(node.Value);
            }

            return list;
        }
    }
}

/// <summary>One share of <see cref="RecentShares"/>.</summary>
/// <param name="Id">The share's id (as in the journal, MQTT and logs).</param>
/// <param name="FoundAt">When it was found.</param>
/// <param name="Difficulty">Its own difficulty.</param>
/// <param name="JobId">The job id, escaped.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Verdict">The work source's verdict; null while pending.</param>
/// <param name="Reason">The reject reason, escaped; null when none.</param>
public sealed record RecentShare(string Id, DateTimeOffset FoundAt, double Difficulty, string JobId, uint Nonce, ShareVerdict? Verdict, string? Reason);
