using System;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The miner's counters: hashes per worker, a one-minute average hash rate, share verdicts and the best share.
/// Workers only add to their own slot (no contention); readers sample.
/// </summary>
public sealed class MinerStats
{
    private const int WindowSeconds = 60;
    private readonly long[] _hashesPerWorker;
    private readonly long[] _samples = new long[WindowSeconds + 1];
    private readonly long[] _sampleTimes = new long[WindowSeconds + 1];
    private readonly Lock _sampleLock = new();
    private int _sampleCount;
    private long _found;
    private long _accepted;
    private long _rejected;
    private long _stale;
    private long _bestDifficultyBits;

    /// <summary>Creates counters for <paramref name="workers"/> workers.</summary>
    public MinerStats(int workers) => _hashesPerWorker = new long[Math.Max(1, workers)];

    /// <summary>Shares found (each meets its job's share target).</summary>
    public long Found => Interlocked.Read(ref _found);

    /// <summary>Shares found but not answered yet (submitting, or waiting for the pool's verdict).</summary>
    public long Pending => Math.Max(0, Found - Accepted - Rejected - Stale);

    /// <summary>Shares accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Shares rejected.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Shares that were stale.</summary>
    public long Stale => Interlocked.Read(ref _stale);

    /// <summary>The highest share difficulty found so far.</summary>
    public double BestDifficulty => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bestDifficultyBits));

    /// <summary>All hashes done so far.</summary>
    public long TotalHashes
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _hashesPerWorker.Length; i++)
            {
                total += Volatile.Read(ref _hashesPerWorker[i]);
            }

            return total;
        }
    }

    /// <summary>Adds hashes done by one worker.</summary>
    public void AddHashes(int worker, ulong count) => Interlocked.Add(ref _hashesPerWorker[worker], (long)count);

    /// <summary>Counts a found share and records its difficulty (best share tracking).</summary>
    public void RecordFound(double difficulty)
    {
        Interlocked.Increment(ref _found);
        long current;
        do
        {
            current = Interlocked.Read(ref _bestDifficultyBits);
            if (BitConverter.Int64BitsToDouble(current) >= difficulty)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _bestDifficultyBits, BitConverter.DoubleToInt64Bits(difficulty), current) != current);
    }

    /// <summary>Counts a verdict.</summary>
    public void RecordOutcome(ShareVerdict verdict)
    {
        switch (verdict)
        {
            // Every verdict that is not accepted or stale is a share that earned nothing: counted as rejected, as the
            // status documents (docs/mqtt.md, status counters).
            case ShareVerdict.Accepted or ShareVerdict.BlockAccepted: Interlocked.Increment(ref _accepted); break;
            case ShareVerdict.Stale: Interlocked.Increment(ref _stale); break;
            default: Interlocked.Increment(ref _rejected); break;
        }
    }

    /// <summary>
    /// Takes a sample of the hash total (call about once a second) and returns the average rate over the last
    /// minute, or over the time since start when shorter.
    /// </summary>
    public double SampleHashrate()
    {
        long now = Stopwatch.GetTimestamp();
        long total = TotalHashes;
        lock (_sampleLock)
        {
            if (_sampleCount == _samples.Length)
            {
                Array.Copy(_samples, 1, _samples, 0, _samples.Length - 1);
                Array.Copy(_sampleTimes, 1, _sampleTimes, 0, _sampleTimes.Length - 1);
                _sampleCount--;
            }

            _samples[_sampleCount] = total;
            _sampleTimes[_sampleCount] = now;
            _sampleCount++;
            double seconds = Stopwatch.GetElapsedTime(_sampleTimes[0], now).TotalSeconds;
            return seconds > 0 ? (total - _samples[0]) / seconds : 0;
        }
    }
}
