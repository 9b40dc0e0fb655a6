using System;
using System.Diagnostics;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// MH/s of each supported sha256d engine on one thread, with a target no hash meets. Counted per CPU-second of this
/// process (not wall time), so other processes sharing the cores skew it less; the median of five runs is printed.
/// </summary>
internal static class SpeedCheck
{
    private const int Runs = 5;

    public static void Run(TimeSpan perEngine)
    {
        var work = new HeaderWork(Algorithms.Sha256d, HeaderVector.Load()[0].Header, new Target(new uint[8]));
        foreach (INonceScanner engine in EngineCatalog.Supported(Algorithms.Sha256d))
        {
            var hits = new NonceHits();
            engine.Scan(work, 0, 1 << 16, hits);
            ulong chunk = Calibrate(engine, work, perEngine / Runs);
            double[] rates = new double[Runs];
            for (int run = 0; run < Runs; run++)
            {
                rates[run] = chunk / CpuSeconds(() => engine.Scan(work, (uint)((ulong)run * chunk), chunk, hits)) / 1e6;
            }

            Array.Sort(rates);
            Console.WriteLine($"speed {engine.Name}: {rates[Runs / 2]:F2} MH/s per CPU-second (median of {Runs}; min {rates[0]:F2}, max {rates[^1]:F2})");
        }
    }

    /// <summary>A nonce count that takes about <paramref name="target"/> of CPU time.</summary>
    private static ulong Calibrate(INonceScanner engine, HeaderWork work, TimeSpan target)
    {
        ulong count = 1 << 16;
        double seconds = CpuSeconds(() => engine.Scan(work, 0, count, new NonceHits()));
        double scale = target.TotalSeconds / Math.Max(seconds, 1e-4);
        return (ulong)Math.Clamp(count * scale, 1 << 16, (NonceRange.Limit / Runs) - 1);
    }

    private static double CpuSeconds(Action action)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan before = self.TotalProcessorTime;
        action();
        self.Refresh();
        return (self.TotalProcessorTime - before).TotalSeconds;
    }
}
