using System;
using System.Collections.Generic;
using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The ready-made <see cref="IWorkerProgressProbe"/>: each worker calls <see cref="Beat"/> after every chunk it
/// hashes and every time it waits for its turn while paused, so a paused worker is not taken for a hung one.
/// Each worker writes only its own slot: no contention on the hashing path.
/// </summary>
public sealed class WorkerHeartbeats : IWorkerProgressProbe
{
    private const long Parked = long.MaxValue;
    private readonly long[] _lastBeatTicks;
    private readonly TimeProvider _time;

    /// <summary>Heartbeats for <paramref name="workers"/> workers, all counted as alive from now.</summary>
    public WorkerHeartbeats(int workers, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        _time = time;
        _lastBeatTicks = new long[workers];
        Array.Fill(_lastBeatTicks, time.GetUtcNow().UtcTicks);
    }

    /// <summary>The number of workers watched.</summary>
    public int Count => _lastBeatTicks.Length;

    /// <summary>Records that worker <paramref name="worker"/> (0-based) made progress now.</summary>
    public void Beat(int worker) => Volatile.Write(ref _lastBeatTicks[worker], _time.GetUtcNow().UtcTicks);

    /// <summary>
    /// Worker <paramref name="worker"/> is parked by the throttle (paused, outside its duty slice) and may wait there
    /// indefinitely: it counts as alive until its next <see cref="Beat"/>.
    /// </summary>
    public void Park(int worker) => Volatile.Write(ref _lastBeatTicks[worker], Parked);

    /// <inheritdoc />
    public IReadOnlyList<WorkerProgress> Sample()
    {
        var progress = new WorkerProgress[_lastBeatTicks.Length];
        for (int i = 0; i < progress.Length; i++)
        {
            long ticks = Volatile.Read(ref _lastBeatTicks[i]);
            DateTimeOffset last = ticks == Parked ? _time.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
            progress[i] = new WorkerProgress($"worker {i}", last);
        }

        return progress;
    }
}
