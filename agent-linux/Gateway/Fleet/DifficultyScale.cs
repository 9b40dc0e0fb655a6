using System;
using System.Globalization;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// Pool difficulty as a number the vardiff can multiply, and its link to hashes and targets. A pool difficulty d
/// means target = diff1 / d (<see cref="Target.FromPoolDifficulty"/>), so a share takes 2^256 / target = d · 2^256 / diff1
/// hashes on average: d · 2^48 / 0xFFFF (about d · 2^32) for sha256d, whose diff1 is 0xFFFF·2^208, and d · 2^32 / 0xFFFF
/// (about d · 2^16) for scrypt, whose pools use diff1 = 0xFFFF·2^224.
/// </summary>
public static class DifficultyScale
{
    /// <summary>Hashes per share at pool difficulty 1 for <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException">For an algorithm without pool difficulties.</exception>
    public static double HashesPerDifficulty(string algorithm) => algorithm switch
    {
        Algorithms.Sha256d => Math.Pow(2, 48) / 0xFFFF,
        Algorithms.Scrypt => Math.Pow(2, 32) / 0xFFFF,
        _ => throw new ArgumentException($"Pool difficulty applies to sha256d or scrypt, not '{algorithm}'.", nameof(algorithm)),
    };

    /// <summary>The share target of pool difficulty <paramref name="difficulty"/> (positive, finite).</summary>
    public static Target ToTarget(double difficulty, string algorithm)
    {
        if (!(difficulty > 0) || !double.IsFinite(difficulty))
        {
            throw new ArgumentOutOfRangeException(nameof(difficulty), difficulty, "A difficulty is a positive finite number.");
        }

        // 17 significant digits carry the double exactly into the integer-only Difficulty.
        return Target.FromPoolDifficulty(Difficulty.Parse(difficulty.ToString("E16", CultureInfo.InvariantCulture)), algorithm);
    }

    /// <summary>The pool difficulty a target stands for (<see cref="ToTarget"/>'s inverse, as a double).</summary>
    public static double OfTarget(Target target, string algorithm) =>
        Difficulty.OfTarget(target).ToDouble() * (algorithm == Algorithms.Scrypt ? 65536 : 1);
}
