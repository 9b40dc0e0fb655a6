using System;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Benchmarking;

/// <summary>What a benchmark run measured.</summary>
/// <param name="Hashes">Nonces hashed by all threads together.</param>
/// <param name="Seconds">Wall-clock time from the common start to the last thread's stop.</param>
public readonly record struct BenchResult(ulong Hashes, double Seconds)
{
    /// <summary>Hashes per second over the whole run.</summary>
    public double HashesPerSecond => Seconds > 0 ? Hashes / Seconds : 0;
}

/// <summary>
/// Measures an engine's sustained hash rate: each thread scans its own random work with a target nothing meets, in
/// chunks, until the time is up. Used by <c>iotminer bench</c>; correctness is the tests' job, speed is this one's.
/// </summary>
public static class HashBenchmark
{
    /// <summary>Runs <paramref name="engine"/> on <paramref name="threads"/> threads for <paramref name="duration"/>.</summary>
    public static BenchResult Run(INonceScanner engine, int threads, TimeSpan duration)
    {
        long deadline = 0;
        ulong[] hashes = new ulong[threads];
        using var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            int index = i;
            workers[i] = new Thread(() =>
            {
                MiningWork work = BenchWork.Create(engine.Algorithm, seed: index);
                ulong chunk = BenchWork.ChunkSize(engine);
                ulong limit = BenchWork.NonceLimit(work);
                var hits = new NonceHits();
                start.SignalAndWait();
                ulong nonce = 0;
                ulong done = 0;
                while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
                {
                    ulong count = Math.Min(chunk, limit - nonce);
                    engine.Scan(work, (uint)nonce, count, hits);
                    nonce = nonce + count == limit ? 0 : nonce + count;
                    done += count;
                }

                hashes[index] = done;
            }) { IsBackground = true, Name = $"bench-{index}" };
            workers[i].Start();
        }

        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        long began = Stopwatch.GetTimestamp();
        start.SignalAndWait();
        ulong total = 0;
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        foreach (ulong count in hashes)
        {
            total += count;
        }

        return new BenchResult(total, Stopwatch.GetElapsedTime(began).TotalSeconds);
    }
}
