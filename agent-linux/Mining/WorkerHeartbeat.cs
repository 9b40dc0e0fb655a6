using System;
using System.Diagnostics;
using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// When each worker last made progress (hashed a chunk, or waited as told: paused, no job). The systemd watchdog
/// is fed only while every worker beat recently, so a hung worker gets the service restarted.
/// </summary>
public sealed class WorkerHeartbeat
{
    private readonly long[] _lastBeat;

    /// <summary>Creates heartbeats for <paramref name="workers"/> workers, all beating now.</summary>
    public WorkerHeartbeat(int workers)
    {
        _lastBeat = new long[Math.Max(1, workers)];
        Array.Fill(_lastBeat, Stopwatch.GetTimestamp());
    }

    /// <summary>Worker <paramref name="worker"/> made progress.</summary>
    public void Beat(int worker) => Volatile.Write(ref _lastBeat[worker], Stopwatch.GetTimestamp());

    /// <summary>Worker <paramref name="worker"/> is parked by the throttle (paused, out of its duty slice): alive until it beats again.</summary>
    public void Park(int worker) => Volatile.Write(ref _lastBeat[worker], long.MaxValue);

    /// <summary>The time since the least recent beat of a worker that is not parked (zero when all are parked).</summary>
    public TimeSpan OldestAge()
    {
        long now = Stopwatch.GetTimestamp();
        long oldest = now;
        for (int i = 0; i < _lastBeat.Length; i++)
        {
            oldest = Math.Min(oldest, Volatile.Read(ref _lastBeat[i]));
        }

        return Stopwatch.GetElapsedTime(oldest, now);
    }
}
