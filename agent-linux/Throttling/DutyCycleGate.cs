using System;
using System.Threading;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>
/// Where mining workers ask for permission between short hashing chunks. Time is cut into slices (≤ 250 ms, so the
/// device stays responsive); each of the first <see cref="Threads"/> workers may hash for <see cref="DutyPercent"/>
/// of every slice, and waits otherwise. Workers' windows are staggered across the slice (worker i starts at
/// i/threads of it), so at 50 % two workers take turns instead of loading two cores at once. A new duty or a pause
/// wakes waiting workers at once; a running worker sees it at its next call, one chunk later.
/// </summary>
public sealed class DutyCycleGate
{
    /// <summary>The longest slice: a worker never waits longer than this at a duty above zero.</summary>
    public const int MaxSliceMilliseconds = 250;

    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly int _sliceMs;
    private int _threads;
    private int _dutyPercent;

    /// <summary>Creates a closed gate (no worker runs until <see cref="Apply"/>).</summary>
    /// <param name="sliceMilliseconds">Slice length, 10..250 ms.</param>
    /// <param name="time">The clock; tests pass a manual one.</param>
    public DutyCycleGate(int sliceMilliseconds = MaxSliceMilliseconds, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceMilliseconds, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sliceMilliseconds, MaxSliceMilliseconds);
        _sliceMs = sliceMilliseconds;
        _time = time ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
    }

    /// <summary>Workers allowed to run.</summary>
    public int Threads => Volatile.Read(ref _threads);

    /// <summary>Share of each slice a running worker may hash, 0..100.</summary>
    public int DutyPercent => Volatile.Read(ref _dutyPercent);

    /// <summary>Sets how many workers run and their duty (0 threads or 0 % pauses every worker), waking waiters.</summary>
    public void Apply(int threads, int dutyPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(dutyPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dutyPercent, 100);
        lock (_lock)
        {
            _threads = threads;
            _dutyPercent = dutyPercent;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Closes the gate for every worker (e.g. when the governor stops).</summary>
    public void Pause() => Apply(0, 0);

    /// <summary>
    /// Milliseconds until worker <paramref name="worker"/> may hash: 0 means now, -1 means not until the gate is
    /// changed (paused, or the worker is beyond <see cref="Threads"/>).
    /// </summary>
    public long MillisecondsUntilTurn(int worker)
    {
        int threads = Volatile.Read(ref _threads);
        int duty = Volatile.Read(ref _dutyPercent);
        if (worker >= threads || duty == 0)
        {
            return -1;
        }

        if (duty == 100)
        {
            return 0;
        }

        long nowMs = (long)_time.GetElapsedTime(_origin).TotalMilliseconds;
        long offset = (long)worker * _sliceMs / threads;
        long position = ((nowMs - offset) % _sliceMs + _sliceMs) % _sliceMs;
        long onMs = (long)duty * _sliceMs / 100;
        return position < onMs ? 0 : _sliceMs - position;
    }

    /// <summary>Blocks worker <paramref name="worker"/> until it may hash. Call it between chunks of a few milliseconds.</summary>
    /// <returns>True when the worker may hash now; false when <paramref name="cancellationToken"/> was cancelled.</returns>
    public bool WaitForTurn(int worker, CancellationToken cancellationToken)
    {
        if (MillisecondsUntilTurn(worker) == 0)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        using CancellationTokenRegistration wake = cancellationToken.Register(WakeAll);
        lock (_lock)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                long wait = MillisecondsUntilTurn(worker);
                if (wait == 0)
                {
                    return true;
                }

                Monitor.Wait(_lock, wait < 0 ? Timeout.Infinite : (int)wait);
            }
        }

        return false;
    }

    private void WakeAll()
    {
        lock (_lock)
        {
            Monitor.PulseAll(_lock);
        }
    }
}
