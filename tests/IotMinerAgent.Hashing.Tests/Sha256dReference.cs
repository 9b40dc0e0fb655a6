using System;
using System.Collections.Generic;
using System.Numerics;
using System.Security.Cryptography;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>
/// An sha256d reference that shares no code with the product: the platform's SHA-256 (System.Security.Cryptography)
/// applied twice to the header with the nonce written by the test, the hash read as a little-endian 256-bit number
/// and compared with the target as a <see cref="BigInteger"/> (a hash meets a target when it is at most the target).
/// </summary>
internal static class Sha256dReference
{
    /// <summary>The sha256d of <paramref name="work"/>'s header with <paramref name="nonce"/> (bytes 76..79, little-endian) as a number.</summary>
    public static BigInteger HashValue(HeaderWork work, uint nonce)
    {
        return Reference.FromHash(SHA256.HashData(SHA256.HashData(Reference.HeaderWithNonce(work, nonce))));
    }

    /// <summary>Every nonce of [first, first + count) whose hash meets the work's target, by brute force.</summary>
    public static uint[] Hits(HeaderWork work, uint first, ulong count)
    {
        BigInteger target = Reference.FromTarget(work.Target);
        var hits = new List<uint>();
        for (ulong nonce = first; nonce < first + count; nonce++)
        {
            if (HashValue(work, (uint)nonce) <= target)
            {
                hits.Add((uint)nonce);
            }
        }

        return hits.ToArray();
    }
}
