using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Hashing.Engines.Scrypt;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// Every hashing engine of this build, per algorithm, fastest first: the widest SIMD engine first, the scalar
/// reference last. The catalog alone asks an engine's <c>IsSupported</c>, once, so the rest of the code picks
/// engines by name or speed and never touches the hardware checks (as System.IO.Hashing's dispatchers do).
/// </summary>
public static class EngineCatalog
{
    private static readonly Entry[] Entries = [.. Sha256dEngines(), .. ScryptEngines(), .. DucoS1Engines()];

    /// <summary>Every engine of this build, supported on this CPU or not, grouped by algorithm, each group fastest first.</summary>
    public static IReadOnlyList<INonceScanner> All { get; } = Array.AsReadOnly(Entries.Select(entry => entry.Engine).ToArray());

    /// <summary>The engines for <paramref name="algorithm"/> that this CPU and runtime can run, fastest first; the scalar reference is always last.</summary>
    /// <exception cref="ArgumentException">The algorithm is not one of <see cref="Algorithms"/>' names, or this build has no engine for it.</exception>
    public static IReadOnlyList<INonceScanner> Supported(string algorithm)
    {
        return Array.AsReadOnly(Known(algorithm).Where(entry => entry.IsSupported).Select(entry => entry.Engine).ToArray());
    }

    /// <summary>The fastest engine for <paramref name="algorithm"/> that this CPU and runtime can run.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Supported"/>.</exception>
    public static INonceScanner Fastest(string algorithm)
    {
        return Supported(algorithm)[0];
    }

    /// <summary>The engine called <paramref name="name"/> for <paramref name="algorithm"/>, e.g. ("sha256d", "avx2").</summary>
    /// <exception cref="ArgumentException">No engine has that name, or this CPU or runtime cannot run it; the message lists the engines that can run here.</exception>
    public static INonceScanner Find(string algorithm, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Entry[] known = Known(algorithm);
        Entry? match = known.FirstOrDefault(entry => string.Equals(entry.Engine.Name, name, StringComparison.OrdinalIgnoreCase));
        string runnable = string.Join(", ", known.Where(entry => entry.IsSupported).Select(entry => entry.Engine.Name));
        if (match is null)
        {
            throw new ArgumentException($"There is no {algorithm} engine called '{name}'. Engines that run here: {runnable}.", nameof(name));
        }

        if (!match.IsSupported)
        {
            throw new ArgumentException($"The {algorithm} engine '{match.Engine.Name}' needs instructions this CPU or runtime does not offer (or that DOTNET_Enable* settings turned off). Engines that run here: {runnable}.", nameof(name));
        }

        return match.Engine;
    }

    private static Entry[] Known(string algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        Entry[] known = Entries.Where(entry => entry.Engine.Algorithm == algorithm).ToArray();
        if (known.Length == 0)
        {
            string algorithms = string.Join(", ", Entries.Select(entry => entry.Engine.Algorithm).Distinct());
            throw new ArgumentException($"This build has no engine for the algorithm '{algorithm}'. Algorithms with engines: {algorithms}.", nameof(algorithm));
        }

        return known;
    }

    /// <summary>sha256d: 16, 8 and 4 lanes on x86; the SHA-2 instructions, then 4-lane NEON, on ARM64; scalar everywhere.</summary>
    private static Entry[] Sha256dEngines() =>
    [
        new(new Sha256dAvx512Engine(), Sha256dAvx512Engine.IsSupported),
        new(new Sha256dAvx2Engine(), Sha256dAvx2Engine.IsSupported),
        new(new Sha256dArmSha2Engine(), Sha256dArmSha2Engine.IsSupported),
        new(new Sha256dVector128Engine(), Sha256dVector128Engine.IsSupported),
        new(new Sha256dScalarScanner(), true),
    ];

    /// <summary>scrypt: 16, 8 and 4 lanes of Salsa20/8 (4 lanes: SSE2 on x86, NEON on ARM64); scalar everywhere.</summary>
    private static Entry[] ScryptEngines() =>
    [
        new(new ScryptAvx512Engine(), ScryptAvx512Engine.IsSupported),
        new(new ScryptAvx2Engine(), ScryptAvx2Engine.IsSupported),
        new(new ScryptVector128Engine(), ScryptVector128Engine.IsSupported),
        new(new ScryptScalarScanner(), true),
    ];

    /// <summary>DUCO-S1: 16, 8 and 4 lanes of SHA-1 (4 lanes: SSE2 on x86, NEON on ARM64); scalar everywhere.</summary>
    private static Entry[] DucoS1Engines() =>
    [
        new(new DucoS1Vector512Engine(), DucoS1Vector512Engine.IsSupported),
        new(new DucoS1Vector256Engine(), DucoS1Vector256Engine.IsSupported),
        new(new DucoS1Vector128Engine(), DucoS1Vector128Engine.IsSupported),
        new(new DucoS1ScalarScanner(), true),
    ];

    /// <summary>An engine and whether this CPU and runtime can run it (its IsSupported, read once).</summary>
    private sealed record Entry(INonceScanner Engine, bool IsSupported);
}
