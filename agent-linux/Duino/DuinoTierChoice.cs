using System;
using System.Diagnostics;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Duino;

/// <summary>
/// The start tier when <c>duino:difficulty</c> is empty: from the hash rate one thread measures, the easiest computer
/// tier (LOW, MEDIUM, NET) whose average job takes at least <see cref="TargetShareSeconds"/>, else NET. A job of
/// difficulty d is solved after 50·d nonces on average (the solution is uniform in 0..100·d).
/// </summary>
public static class DuinoTierChoice
{
    /// <summary>
    /// The shortest average time per share aimed at: 10 s keeps a thread at 6 shares a minute, well under the pools'
    /// limit of 80 a minute, without asking a slow board for jobs it needs minutes for.
    /// </summary>
    public const double TargetShareSeconds = 10;

    private static readonly DuinoTier[] ComputerTiers = [DuinoTiers.Low, DuinoTiers.Medium, DuinoTiers.Net];

    /// <summary>The tier for a measured rate of one thread, in H/s.</summary>
    public static DuinoTier For(double hashesPerSecondPerThread)
    {
        foreach (DuinoTier tier in ComputerTiers)
        {
            if (50.0 * tier.StartDifficulty / Math.Max(hashesPerSecondPerThread, 1) >= TargetShareSeconds)
            {
                return tier;
            }
        }

        return DuinoTiers.Net;
    }

    /// <summary>Measures one thread of <paramref name="engine"/> on a DUCO-S1 job for about <paramref name="duration"/>, in H/s.</summary>
    public static double MeasurePerThread(INonceScanner engine, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(engine);
        // Any job will do: the measurement counts hashes, it does not look for the solution.
        var work = new DucoWork(new string('0', 40), new byte[20], DuinoTiers.Net.StartDifficulty);
        var hits = new NonceHits();
        const ulong warmUp = 4096;
        // One chunk first, untimed: the first call pays for JIT compilation, which is not the engine's speed.
        engine.Scan(work, 0, warmUp, hits);
        ulong chunk = warmUp;
        ulong done = 0;
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration && warmUp + done + chunk < work.NonceCount)
        {
            engine.Scan(work, (uint)(warmUp + done), chunk, hits);
            done += chunk;
            chunk = Math.Min(chunk * 2, 1UL << 20);
        }

        return done / Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 1e-6);
    }
}
