using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Every supported scrypt engine: (1) in a lane-wide window around each real Litecoin header's nonce, at the header's
/// own target, exactly that nonce comes out; (2) the vector engines equal the scalar scanner (itself held to an RFC
/// 7914 reference by the xunit tests) on random headers with a target half of all hashes meet, over lengths around
/// the lane count. scrypt is costly under emulation, so the ranges are a few dozen nonces.
/// </summary>
internal static class ScryptCheck
{
    private static readonly Target Half = new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, 0x80000000]);

    public static void Run(ProbeChecks checks)
    {
        IReadOnlyList<HeaderVector> vectors = HeaderVector.LoadScrypt();
        INonceScanner scalar = EngineCatalog.Find(Algorithms.Scrypt, "scalar");
        foreach (INonceScanner engine in EngineCatalog.Supported(Algorithms.Scrypt))
        {
            foreach (HeaderVector vector in vectors)
            {
                var work = new HeaderWork(Algorithms.Scrypt, vector.Header, vector.CompactTarget);
                uint first = vector.Nonce - (uint)(engine.Lanes / 2);
                uint[] found = EngineScan.Hits(engine, work, first, (ulong)engine.Lanes + 1);
                checks.Record(found.SequenceEqual([vector.Nonce]), $"scrypt {engine.Name} {vector.Name}: found [{string.Join(", ", found)}], expected [{vector.Nonce}]");
            }

            if (engine == scalar)
            {
                continue;
            }

            var random = new Random(1024);
            int compared = 0, hits = 0;
            bool same = true;
            foreach (int length in new[] { 1, engine.Lanes - 1, engine.Lanes, engine.Lanes + 1, (2 * engine.Lanes) + 1 })
            {
                byte[] header = new byte[HeaderWork.HeaderLength];
                random.NextBytes(header);
                var work = new HeaderWork(Algorithms.Scrypt, header, Half);
                uint first = length % 2 == 0 ? (uint)random.Next() : (uint)(NonceRange.Limit - (ulong)length);

                uint[] expected = EngineScan.Hits(scalar, work, first, (ulong)length);
                same &= expected.SequenceEqual(EngineScan.Hits(engine, work, first, (ulong)length));
                compared += length;
                hits += expected.Length;
            }

            checks.Record(same && hits > 0, $"scrypt {engine.Name} vs scalar: {compared} nonces, {hits} hits,");
        }
    }
}
