using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using System.Security.Cryptography;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>
/// A naive scrypt written from RFC 7914 alone, sharing no code with the product: PBKDF2-HMAC-SHA256 is the
/// platform's (<see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>), Salsa20/8,
/// BlockMix and ROMix are RFC 7914 §3–§5 transcribed. ScryptTests checks it against the RFC's vectors and the real
/// Litecoin headers, so the engine tests can trust it.
/// </summary>
internal static class ScryptReference
{
    /// <summary>scrypt(P, S, N, r, p, dkLen), RFC 7914 §6.</summary>
    public static byte[] Derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen)
    {
        int blockBytes = 128 * r;
        byte[] b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        for (int i = 0; i < p; i++)
        {
            RoMix(b.AsSpan(i * blockBytes, blockBytes), n, r);
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, dkLen);
    }

    /// <summary>Litecoin's proof of work: scrypt(header, header, 1024, 1, 1, 32), raw byte order.</summary>
    public static byte[] HashHeader(byte[] header) => Derive(header, header, 1024, 1, 1, 32);

    /// <summary>Every nonce of [first, first + count) whose scrypt hash is at most the work's target, by brute force.</summary>
    public static uint[] Hits(HeaderWork work, uint first, ulong count)
    {
        BigInteger target = Reference.FromTarget(work.Target);
        var hits = new List<uint>();
        for (ulong nonce = first; nonce < first + count; nonce++)
        {
            if (Reference.FromHash(HashHeader(Reference.HeaderWithNonce(work, (uint)nonce))) <= target)
            {
                hits.Add((uint)nonce);
            }
        }

        return hits.ToArray();
    }

    // RFC 7914 §5: scryptROMix over one 128·r-byte block, in place.
    private static void RoMix(Span<byte> block, int n, int r)
    {
        int words = 32 * r;
        uint[] x = new uint[words];
        for (int i = 0; i < words; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]);
        }

        uint[][] v = new uint[n][];
        for (int i = 0; i < n; i++)
        {
            v[i] = (uint[])x.Clone();
            x = BlockMix(x, r);
        }

        for (int i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte sub-block, little-endian; N ≤ 2^32 so 32 bits suffice.
            uint[] chosen = v[(int)(x[words - 16] % (uint)n)];
            for (int k = 0; k < words; k++)
            {
                x[k] ^= chosen[k];
            }

            x = BlockMix(x, r);
        }

        for (int i = 0; i < words; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(4 * i)..], x[i]);
        }
    }

    // RFC 7914 §4: scryptBlockMix; the even outputs first, then the odd ones.
    private static uint[] BlockMix(uint[] b, int r)
    {
        uint[] x = b[^16..];
        uint[] result = new uint[b.Length];
        for (int i = 0; i < 2 * r; i++)
        {
            uint[] t = new uint[16];
            for (int k = 0; k < 16; k++)
            {
                t[k] = x[k] ^ b[(16 * i) + k];
            }

            x = Salsa208(t);
            int to = (i % 2 == 0 ? i / 2 : r + (i / 2)) * 16;
            Array.Copy(x, 0, result, to, 16);
        }

        return result;
    }

    // RFC 7914 §3: Salsa20/8 core, four double rounds, then the input added.
    private static uint[] Salsa208(uint[] input)
    {
        uint[] x = (uint[])input.Clone();
        for (int round = 0; round < 8; round += 2)
        {
            QuarterRound(x, 4, 0, 12, 8);
            QuarterRound(x, 9, 5, 1, 13);
            QuarterRound(x, 14, 10, 6, 2);
            QuarterRound(x, 3, 15, 11, 7);
            QuarterRound(x, 1, 0, 3, 2);
            QuarterRound(x, 6, 5, 4, 7);
            QuarterRound(x, 11, 10, 9, 8);
            QuarterRound(x, 12, 15, 14, 13);
        }

        for (int i = 0; i < 16; i++)
        {
            x[i] += input[i];
        }

        return x;
    }

    // The RFC's four lines per column/row: x[a] ^= R(x[b] + x[c], 7); x[d] ^= R(x[a] + x[b], 9); ...
    private static void QuarterRound(uint[] x, int a, int b, int c, int d)
    {
        x[a] ^= BitOperations.RotateLeft(x[b] + x[c], 7);
        x[d] ^= BitOperations.RotateLeft(x[a] + x[b], 9);
        x[c] ^= BitOperations.RotateLeft(x[d] + x[a], 13);
        x[b] ^= BitOperations.RotateLeft(x[c] + x[d], 18);
    }
}
