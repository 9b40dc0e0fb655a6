using System;
using System.Numerics;
using System.Security.Cryptography;

namespace IotMinerAgent.StratumTestPool;

/// <summary>
/// The pool's own share validation, written apart from the client's portable code (platform SHA-256 and BigInteger)
/// so that a client bug cannot cancel itself out: coinbase, merkle root, header, sha256d, difficulty.
/// </summary>
public static class ShareCheck
{
    /// <summary>Bitcoin's difficulty-1 target 0xFFFF·2^208.</summary>
    public static readonly BigInteger Diff1 = new BigInteger(0xFFFF) << 208;

    public static byte[] DoubleSha(byte[] data) => SHA256.HashData(SHA256.HashData(data));

    public static byte[] Header(PoolJob job, byte[] extranonce1, byte[] extranonce2, uint ntime, uint version, uint nonce)
    {
        byte[] coinbase = [.. job.Coinbase1, .. extranonce1, .. extranonce2, .. job.Coinbase2];
        byte[] root = DoubleSha(coinbase);
        foreach (byte[] branch in job.Branches)
        {
            root = DoubleSha([.. root, .. branch]);
        }

        byte[] header = new byte[80];
        BitConverter.TryWriteBytes(header.AsSpan(0, 4), version);
        for (int word = 0; word < 8; word++)
        {
            for (int b = 0; b < 4; b++)
            {
                header[4 + (word * 4) + b] = job.PrevHash[(word * 4) + 3 - b];
            }
        }

        root.CopyTo(header, 36);
        BitConverter.TryWriteBytes(header.AsSpan(68, 4), ntime);
        BitConverter.TryWriteBytes(header.AsSpan(72, 4), job.NBits);
        BitConverter.TryWriteBytes(header.AsSpan(76, 4), nonce);
        return header;
    }

    /// <summary>The hash as a little-endian 256-bit integer.</summary>
    public static BigInteger HashValue(byte[] hash32) => new(hash32, isUnsigned: true, isBigEndian: false);

    /// <summary>diff1 / hash as a double (for records and assertions).</summary>
    public static double ShareDifficulty(byte[] hash32)
    {
        BigInteger value = HashValue(hash32);
        return value.IsZero ? double.PositiveInfinity : Math.Exp(BigInteger.Log(Diff1) - BigInteger.Log(value));
    }

    /// <summary>True when hash ≤ floor(diff1 / difficulty), computed exactly from the double's binary value.</summary>
    public static bool Meets(byte[] hash32, double difficulty)
    {
        long bits = BitConverter.DoubleToInt64Bits(difficulty);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // difficulty = mantissa · 2^exponent exactly
        BigInteger target = exponent >= 0 ? Diff1 / (new BigInteger(mantissa) << exponent) : (Diff1 << -exponent) / mantissa;
        return HashValue(hash32) <= target;
    }
}
