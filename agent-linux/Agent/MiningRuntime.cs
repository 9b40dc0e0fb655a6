using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Agent;

/// <summary>What the mining options resolve to on this machine: the engine and the thread count.</summary>
/// <param name="Algorithm">sha256d or scrypt.</param>
/// <param name="Engine">The engine all workers use.</param>
/// <param name="Threads">How many workers run at full duty.</param>
public sealed record MiningRuntime(string Algorithm, INonceScanner Engine, int Threads)
{
    /// <summary>Resolves validated options: "auto" is the fastest supported engine, 0 threads is one per core.</summary>
    public static MiningRuntime From(MiningOptions options)
    {
        INonceScanner engine = string.Equals(options.Engine, "auto", StringComparison.OrdinalIgnoreCase)
            ? EngineCatalog.Fastest(options.Algorithm)
            : EngineCatalog.Find(options.Algorithm, options.Engine);
        int threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        return new MiningRuntime(options.Algorithm, engine, threads);
    }
}
