using System;
using System.Buffers.Binary;
using System.Numerics;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>The floating and big-integer definitions the integer-only production code must match.</summary>
internal static class Reference
{
    /// <summary>Bitcoin's pool difficulty 1 target, 0xFFFF·2^208 (the pool difficulty-1 target of the Stratum protocol and the Bitcoin wiki, "Difficulty").</summary>
    public static readonly BigInteger Diff1 = new BigInteger(0xFFFF) << 208;

    public static readonly BigInteger AllOnes = (BigInteger.One << 256) - 1;

    public static BigInteger FromWords(uint[] leastSignificantFirst)
    {
        BigInteger value = BigInteger.Zero;
        for (int i = leastSignificantFirst.Length - 1; i >= 0; i--)
        {
            value = (value << 32) | leastSignificantFirst[i];
        }

        return value;
    }

    public static BigInteger FromTarget(Target target)
    {
        uint[] words = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = target.GetWord(i);
        }

        return FromWords(words);
    }

    public static Target ToTarget(BigInteger value)
    {
        uint[] words = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = (uint)((value >> (32 * i)) & uint.MaxValue);
        }

        return new Target(words);
    }

    /// <summary>The work's 80 header bytes with <paramref name="nonce"/> written here at bytes 76..79, little-endian.</summary>
    public static byte[] HeaderWithNonce(HeaderWork work, uint nonce)
    {
        byte[] header = new byte[HeaderWork.HeaderLength];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = work[i];
        }

        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), nonce);
        return header;
    }

    /// <summary>A raw digest read as a little-endian 256-bit integer.</summary>
    public static BigInteger FromHash(byte[] hash32)
    {
        return new BigInteger(hash32, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Bitcoin Core's SetCompact for a non-negative, non-overflowing nBits: mantissa · 256^(size - 3).</summary>
    public static BigInteger Compact(uint nBits)
    {
        int size = (int)(nBits >> 24);
        BigInteger mantissa = nBits & 0x007FFFFF;
        return size <= 3 ? mantissa >> (8 * (3 - size)) : mantissa << (8 * (size - 3));
    }

    /// <summary>a / b as a double, exact to double precision even for 256-bit operands.</summary>
    public static double Ratio(BigInteger a, BigInteger b)
    {
        // Scale both to keep 64 significant bits in the quotient before converting.
        int shift = (int)(b.GetBitLength() - a.GetBitLength()) + 80;
        BigInteger quotient = shift >= 0 ? (a << shift) / b : a / (b << -shift);
        return (double)quotient * Math.Pow(2, -shift);
    }

    public static void AssertClose(double expected, double actual, double relative = 1e-9)
    {
        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= relative, $"expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }
}
