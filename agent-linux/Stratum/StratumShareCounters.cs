using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>Share accounting of a client: one counter per outcome plus how often each pool reason was given.</summary>
public sealed class StratumShareCounters
{
    /// <summary>Distinct reasons kept; later new ones are counted under <see cref="OtherReasons"/>, so a pool cannot grow the table.</summary>
    public const int MaxReasons = 64;

    /// <summary>The reason key under which reasons beyond <see cref="MaxReasons"/> are counted.</summary>
    public const string OtherReasons = "(other reasons)";

    private readonly ConcurrentDictionary<string, long> _reasons = new();
    private long _accepted;
    private long _rejected;
    private long _stale;
    private long _belowTarget;
    private long _dropped;

    /// <summary>Shares the pool accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Shares the pool rejected (not for staleness).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Shares whose job was gone, locally or per the pool.</summary>
    public long Stale => Interlocked.Read(ref _stale);

    /// <summary>Hits that did not meet the pool target and were not sent.</summary>
    public long BelowTarget => Interlocked.Read(ref _belowTarget);

    /// <summary>Shares dropped unsent (queue overflow, shutdown).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How often each rejection or staleness reason was given, e.g. "22 Duplicate share" → 3.</summary>
    public IReadOnlyDictionary<string, long> Reasons => new Dictionary<string, long>(_reasons);

    /// <summary>Counts one result.</summary>
    public void Count(ShareResult result)
    {
        switch (result.Outcome)
        {
            case ShareVerdict.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case ShareVerdict.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            case ShareVerdict.Stale:
                Interlocked.Increment(ref _stale);
                break;
            case ShareVerdict.BelowTarget:
                Interlocked.Increment(ref _belowTarget);
                break;
            default:
                Interlocked.Increment(ref _dropped);
                break;
        }

        if (result.Reason is { } reason && result.Outcome is ShareVerdict.Rejected or ShareVerdict.Stale)
        {
            string key = _reasons.ContainsKey(reason) || _reasons.Count < MaxReasons ? reason : OtherReasons;
            _reasons.AddOrUpdate(key, 1, (_, count) => count + 1);
        }
    }
}
