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

    /// <summary>The time since the least recent worker beat.</summary>
    public TimeSpan OldestAge()
    {
        long oldest = long.MaxValue;
        for (int i = 0; i < _lastBeat.Length; i++)
        {
            oldest = Math.Min(oldest, Volatile.Read(ref _lastBeat[i]));
        }

        return Stopwatch.GetElapsedTime(oldest);
    }
}
