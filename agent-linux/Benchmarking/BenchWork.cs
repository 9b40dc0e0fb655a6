using System;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Benchmarking;

/// <summary>Work for benchmarks: realistic inputs whose target nothing meets, so only hashing is measured.</summary>
internal static class BenchWork
{
    /// <summary>A random header (sha256d, scrypt) with a zero target, or a DUCO-S1 job whose expected digest no nonce gives.</summary>
    public static MiningWork Create(string algorithm, int seed)
    {
        var random = new Random(seed);
        if (algorithm == Algorithms.DucoS1)
        {
            byte[] lastHash = new byte[20];
            byte[] expected = new byte[20];
            random.NextBytes(lastHash);
            random.NextBytes(expected);

            // Duino-Coin's NET tier difficulty (the official PC miner's top tier, github.com/revoxhere/duino-coin): nonces reach 7 digits, as on a real job.
            return new DucoWork(Convert.ToHexStringLower(lastHash), expected, 100000);
        }

        byte[] header = new byte[HeaderWork.HeaderLength];
        random.NextBytes(header);
        return new HeaderWork(algorithm, header, new Target(new uint[8]));
    }

    /// <summary>One past the last nonce of the work: 100·difficulty + 1 for DUCO-S1, 2^32 for headers.</summary>
    public static ulong NonceLimit(MiningWork work) => work is DucoWork duco ? duco.NonceCount : NonceRange.Limit;

    /// <summary>Nonces per Scan call: large enough that call overhead is noise, small enough to stop on time.</summary>
    public static ulong ChunkSize(INonceScanner engine) => engine.Algorithm switch
    {
        Algorithms.Scrypt => (ulong)engine.Lanes * 16,
        _ => (ulong)engine.Lanes * 8192,
    };
}
