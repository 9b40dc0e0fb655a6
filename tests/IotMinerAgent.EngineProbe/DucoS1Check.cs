using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Every supported DUCO-S1 engine (on ARM64 the NEON one, hashing-core/Engines/DucoS1/DucoS1.Neon.cs): (1) around the
/// published job of tests/vectors/duco-s1.json exactly its nonce comes out; (2) on random jobs solved by a chosen
/// nonce, across the decimal digit-count boundaries the engines special-case and up to 2^32, the hits are the ones
/// the platform's SHA-1 of "last hash + decimal nonce" finds by brute force.
/// </summary>
internal static class DucoS1Check
{
    // (first nonce, count): ranges that cross 9→10, 99→100, 999→1000, 999999→1000000, 9999999→10000000,
    // 999999999→1000000000 digits, and one that ends at 2^32.
    private static readonly (uint First, ulong Count)[] Ranges =
        [(0, 40), (90, 40), (995, 37), (999_990, 45), (9_999_980, 53), (999_999_990, 30), (4_294_967_246, 50)];

    public static void Run(ProbeChecks checks)
    {
        JsonElement vector = VectorFile.Vectors("duco-s1.json")[0];
        string lastHash = vector.GetProperty("last_hash").GetString()!;
        var published = new DucoWork(lastHash, Hex.Decode(vector.GetProperty("expected").GetString()!), vector.GetProperty("difficulty").GetUInt32());
        uint nonce = vector.GetProperty("nonce").GetUInt32();

        foreach (INonceScanner engine in EngineCatalog.Supported(Algorithms.DucoS1))
        {
            uint[] found = EngineScan.Hits(engine, published, nonce - 10_003, 20_000);
            checks.Record(found.SequenceEqual([nonce]), $"duco-s1 {engine.Name} {vector.GetProperty("name").GetString()}: found [{string.Join(", ", found)}], expected [{nonce}]");

            var random = new Random(41);
            int jobs = 0;
            bool same = true;
            foreach ((uint first, ulong count) in Ranges)
            {
                string randomHash = Convert.ToHexStringLower(RandomBytes(random, 20));
                for (ulong offset = 0; offset < count; offset += 7)
                {
                    byte[] expectedDigest = Digest(randomHash, first + offset);
                    var work = new DucoWork(randomHash, expectedDigest, 1);
                    uint[] expected = PlatformHits(randomHash, expectedDigest, first, count);
                    same &= expected.Length > 0 && expected.SequenceEqual(EngineScan.Hits(engine, work, first, count));
                    jobs++;
                }
            }

            checks.Record(same, $"duco-s1 {engine.Name} vs platform SHA-1: {jobs} jobs across digit-count boundaries,");
        }
    }

    private static byte[] Digest(string lastHash, ulong nonce) =>
        SHA1.HashData(Encoding.ASCII.GetBytes(lastHash + nonce.ToString(CultureInfo.InvariantCulture)));

    private static uint[] PlatformHits(string lastHash, byte[] expected, uint first, ulong count)
    {
        var hits = new List<uint>();
        for (ulong n = first; n < first + count; n++)
        {
            if (Digest(lastHash, n).AsSpan().SequenceEqual(expected))
            {
                hits.Add((uint)n);
            }
        }

        return hits.ToArray();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
