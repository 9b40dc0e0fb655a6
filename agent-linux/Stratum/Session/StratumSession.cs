using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Codec;

namespace IotMinerAgent.Linux.Stratum.Session;

/// <summary>
/// The state of one Stratum session, apart from any socket: extranonce, difficulty, version mask and the live jobs.
/// Applies server messages and says what the client must do. Not thread-safe: the client serializes access.
/// </summary>
public sealed class StratumSession
{
    private readonly LinkedList<StratumJob> _jobs = new();
    private readonly int _maxJobs;
    private readonly string _userAgent;
    private byte[] _extranonce1 = Array.Empty<byte>();
    private bool _jobIdRefusalReported;

    /// <summary>Creates an empty session keeping at most <paramref name="maxJobs"/> jobs.</summary>
    public StratumSession(int maxJobs, string userAgent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        _maxJobs = maxJobs;
        _userAgent = userAgent;
    }

    /// <summary>The subscription id to resume the session with after a reconnect.</summary>
    public string? SubscriptionId { get; private set; }

    /// <summary>The current extranonce1, as hex.</summary>
    public string Extranonce1Hex => Convert.ToHexStringLower(_extranonce1);

    /// <summary>Extranonce2 size for the next jobs.</summary>
    public int Extranonce2Size { get; private set; }

    /// <summary>Pool share difficulty.</summary>
    public Difficulty Difficulty { get; private set; } = PoolDifficulty.Initial;

    /// <summary>The version mask the agent asked for, when the pool agreed to version rolling at all; else 0.</summary>
    public uint RequestedVersionMask { get; private set; }

    /// <summary>The negotiated version-rolling mask (requested ∩ granted); 0 when version rolling is off.</summary>
    public uint VersionMask { get; private set; }

    /// <summary>The newest job, or null before the first notify.</summary>
    public StratumJob? CurrentJob => _jobs.Last?.Value;

    /// <summary>How many jobs are live.</summary>
    public int JobCount => _jobs.Count;

    /// <summary>The live job with id <paramref name="jobId"/>, or null.</summary>
    public StratumJob? FindJob(string jobId)
    {
        for (LinkedListNode<StratumJob>? node = _jobs.Last; node is not null; node = node.Previous)
        {
            if (node.Value.JobId == jobId)
            {
                return node.Value;
            }
        }

        return null;
    }

    /// <summary>True while <paramref name="job"/> (this very instance) is live; false once cleared or forgotten.</summary>
    public bool IsLive(StratumJob job) => ReferenceEquals(FindJob(job.JobId), job);

    /// <summary>Voids every job (shares on them become stale).</summary>
    public void ClearJobs() => _jobs.Clear();

    /// <summary>Records what <c>mining.configure</c> asked for and what the pool granted.</summary>
    public void ApplyConfigure(uint requestedMask, bool granted, uint grantedMask)
    {
        // BIP 310: without an accepted mining.configure, a later mining.set_version_mask must not enable rolling.
        RequestedVersionMask = granted ? requestedMask : 0;
        VersionMask = requestedMask & grantedMask & RequestedVersionMask;
    }

    /// <summary>
    /// Applies a subscribe result. Returns true when the pool resumed the session (same pool, same extranonce1): the
    /// jobs and the difficulty stay. Otherwise every job is voided and the difficulty restarts at 1 until the pool sets one.
    /// </summary>
    public bool ApplySubscribe(SubscribeResult subscribe, bool samePool)
    {
        bool resumed = samePool && _extranonce1.AsSpan().SequenceEqual(subscribe.Extranonce1) && Extranonce2Size == subscribe.Extranonce2Size;
        if (!resumed)
        {
            ClearJobs();
            Difficulty = PoolDifficulty.Initial;
        }

        SubscriptionId = subscribe.SubscriptionId;
        _extranonce1 = subscribe.Extranonce1;
        Extranonce2Size = subscribe.Extranonce2Size;
        return resumed;
    }

    /// <summary>
    /// Forgets version rolling (a new connection negotiates it again) and what was reported on the last connection
    /// (a refused job id is reported once per connection).
    /// </summary>
    public void ResetNegotiation()
    {
        _jobIdRefusalReported = false;
        RequestedVersionMask = 0;
        VersionMask = 0;
    }

    /// <summary>Applies a server message (not a response); never throws on malformed params.</summary>
    public SessionUpdate Apply(StratumInbound message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != StratumInboundKind.ServerMessage)
        {
            return SessionUpdate.Ignored("a response is not a server message");
        }

        return message.Method switch
        {
            StratumMethods.Notify => ApplyNotify(message),
            StratumMethods.SetDifficulty => ApplyDifficulty(message),
            StratumMethods.SetExtranonce => ApplyExtranonce(message),
            StratumMethods.SetVersionMask => ApplyVersionMask(message),
            StratumMethods.Ping => Answer(message, "pong"),
            StratumMethods.GetVersion => Answer(message, _userAgent),
            StratumMethods.Reconnect => ApplyReconnect(message),
            StratumMethods.ShowMessage => ApplyShowMessage(message),
            _ => Unsupported(message),
        };
    }

    private SessionUpdate ApplyNotify(StratumInbound message)
    {
        if (!MiningNotify.TryParse(message.Params, out MiningNotify? notify, out string problem))
        {
            if (problem != MiningNotify.JobIdProblem)
            {
                return SessionUpdate.Ignored(problem);
            }

            // A pool that sends such ids sends them with every job: one log line per connection, not one per job.
            bool first = !_jobIdRefusalReported;
            _jobIdRefusalReported = true;
            return first ? SessionUpdate.Ignored(problem + " (reported once per connection)") : SessionUpdate.None;
        }

        // Pools repeat a job id when they resend the same work; the first copy already counts.
        if (FindJob(notify.JobId) is not null)
        {
            return new SessionUpdate { JobReceived = true };
        }

        if (notify.CleanJobs)
        {
            ClearJobs();
        }

        _jobs.AddLast(new StratumJob(notify, _extranonce1, Extranonce2Size));
        while (_jobs.Count > _maxJobs)
        {
            _jobs.RemoveFirst();
        }

        return new SessionUpdate { JobReceived = true, WorkChanged = true };
    }

    private SessionUpdate ApplyDifficulty(StratumInbound message)
    {
        if (!ServerParams.TryReadDifficulty(message.Params, out Difficulty difficulty))
        {
            return SessionUpdate.Ignored("mining.set_difficulty needs one positive number");
        }

        Difficulty = difficulty;
        return new SessionUpdate { WorkChanged = CurrentJob is not null };
    }

    // NiceHash extranonce extension: the new extranonce1 applies to the jobs that follow; live jobs keep theirs.
    private SessionUpdate ApplyExtranonce(StratumInbound message)
    {
        if (!ServerParams.TryReadExtranonce(message.Params, out byte[] extranonce1, out int extranonce2Size))
        {
            return SessionUpdate.Ignored("mining.set_extranonce needs [hex extranonce1, extranonce2_size]");
        }

        _extranonce1 = extranonce1;
        Extranonce2Size = extranonce2Size;
        return SessionUpdate.None;
    }

    // BIP 310: the pool may narrow or widen the mask at any time; only bits the agent asked for are ever rolled.
    private SessionUpdate ApplyVersionMask(StratumInbound message)
    {
        if (!ServerParams.TryReadVersionMask(message.Params, out uint mask))
        {
            return SessionUpdate.Ignored("mining.set_version_mask needs one 8-digit hex mask");
        }

        VersionMask = RequestedVersionMask & mask;
        return new SessionUpdate { WorkChanged = CurrentJob is not null };
    }

    private static SessionUpdate ApplyReconnect(StratumInbound message)
    {
        if (!ServerParams.TryReadReconnect(message.Params, out string host, out int port, out int wait))
        {
            return SessionUpdate.Ignored("client.reconnect needs [host, port, wait]");
        }

        return new SessionUpdate { Reconnect = new ReconnectRequest(host, port, wait) };
    }

    private static SessionUpdate ApplyShowMessage(StratumInbound message) =>
        ServerParams.TryReadMessage(message.Params, out string text)
            ? new SessionUpdate { OperatorMessage = text }
            : SessionUpdate.Ignored("client.show_message needs one string");

    private static SessionUpdate Answer(StratumInbound message, string result) =>
        message.RawId is null ? SessionUpdate.None : new SessionUpdate { Reply = StratumRequestWriter.Result(message.RawId, result) };

    private static SessionUpdate Unsupported(StratumInbound message)
    {
        string method = UntrustedText.Escape(message.Method, 64);
        return new SessionUpdate
        {
            Problem = $"unsupported method '{method}'",
            Reply = message.RawId is null ? null : StratumRequestWriter.Error(message.RawId, StratumError.Other, "Method not supported"),
        };
    }
}
