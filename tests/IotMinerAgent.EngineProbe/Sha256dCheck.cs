using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Every supported sha256d engine, the scalar one included: (1) over [nonce - 2000, nonce + 2000) of each real header
/// at its own target exactly the real nonce comes out; (2) on random headers with an easy target (about one nonce in
/// four passes, so every lane sees hits), over ranges that leave tails and ranges that end at 2^32, the hits are the
/// ones the platform's SHA-256 finds by brute force. This is where engines only an ARM CPU runs (arm-sha2, neon) meet
/// an independent reference, under qemu.
/// </summary>
internal static class Sha256dCheck
{
    private const uint HalfWindow = 2000;

    private static readonly Target Easy = new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, 0x3FFFFFFF]);

    public static void Run(ProbeChecks checks)
    {
        IReadOnlyList<HeaderVector> vectors = HeaderVector.Load();
        foreach (INonceScanner engine in EngineCatalog.Supported(Algorithms.Sha256d))
        {
            foreach (HeaderVector vector in vectors)
            {
                var work = new HeaderWork(Algorithms.Sha256d, vector.Header, vector.CompactTarget);
                uint[] found = EngineScan.Hits(engine, work, vector.Nonce - HalfWindow, 2 * HalfWindow);
                checks.Record(found.SequenceEqual([vector.Nonce]), $"sha256d {engine.Name} {vector.Name}: found [{string.Join(", ", found)}], expected [{vector.Nonce}]");
            }

            var random = new Random(20261124);
            int compared = 0, hits = 0;
            bool same = true;
            for (int length = 0; length <= 40; length++)
            {
                byte[] header = new byte[HeaderWork.HeaderLength];
                random.NextBytes(header);
                var work = new HeaderWork(Algorithms.Sha256d, header, Easy);
                uint first = length % 2 == 0 ? (uint)random.Next() : (uint)(NonceRange.Limit - (ulong)length);

                uint[] expected = PlatformHits(header, first, length);
                same &= expected.SequenceEqual(EngineScan.Hits(engine, work, first, (ulong)length));
                compared += length;
                hits += expected.Length;
            }

            checks.Record(same && hits > 0, $"sha256d {engine.Name} vs platform SHA-256: {compared} nonces, {hits} hits,");
        }
    }

    /// <summary>Nonces of [first, first + count) whose SHA-256(SHA-256(header)), read little-endian, is at most Easy.</summary>
    private static uint[] PlatformHits(byte[] header, uint first, int count)
    {
        BigInteger target = (BigInteger.One << 254) - 1; // Easy: top word 0x3FFFFFFF, every other bit set.
        byte[] copy = (byte[])header.Clone();
        var hits = new List<uint>();
        for (ulong nonce = first; nonce < first + (ulong)count; nonce++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(76), (uint)nonce);
            if (new BigInteger(SHA256.HashData(SHA256.HashData(copy)), isUnsigned: true) <= target)
            {
                hits.Add((uint)nonce);
            }
        }

        return hits.ToArray();
    }
}
