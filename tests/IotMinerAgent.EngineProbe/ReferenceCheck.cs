using System;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Every supported sha256d engine against the scalar reference on random headers with an easy target (about one
/// nonce in four passes, so every lane sees hits), over ranges that leave tails and one that ends at 2^32. This is
/// where engines only an ARM CPU runs (arm-sha2, neon) meet the reference, under qemu.
/// </summary>
internal static class ReferenceCheck
{
    private static readonly Target Easy = new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, 0x3FFFFFFF]);

    public static bool Run()
    {
        INonceScanner scalar = EngineCatalog.Find(Algorithms.Sha256d, "scalar");
        bool exact = true;
        foreach (INonceScanner engine in EngineCatalog.Supported(Algorithms.Sha256d).Where(engine => engine != scalar))
        {
            var random = new Random(20261124);
            int compared = 0, hits = 0;
            bool same = true;
            for (int length = 0; length <= 40; length++)
            {
                byte[] header = new byte[HeaderWork.HeaderLength];
                random.NextBytes(header);
                var work = new HeaderWork(Algorithms.Sha256d, header, Easy);
                uint first = length % 2 == 0 ? (uint)random.Next() : (uint)(NonceRange.Limit - (ulong)length);

                uint[] expected = Scan(scalar, work, first, (ulong)length);
                same &= expected.SequenceEqual(Scan(engine, work, first, (ulong)length));
                compared += length;
                hits += expected.Length;
            }

            exact &= same;
            Console.WriteLine($"{engine.Name} vs scalar: {compared} nonces, {hits} hits, {(same ? "identical" : "DIFFERENT")}");
        }

        return exact;
    }

    private static uint[] Scan(INonceScanner engine, HeaderWork work, uint first, ulong count)
    {
        var hits = new NonceHits();
        engine.Scan(work, first, count, hits);
        return hits.ToArray();
    }
}
