namespace IotMinerAgent.Hashing.Tests;

/// <summary>Targets for scrypt tests, built here so the tests do not depend on the code under test.</summary>
internal static class ScryptTargets
{
    /// <summary>
    /// The target of a compact nBits (Bitcoin's GetCompact/SetCompact): mantissa · 256^(exponent − 3), as eight words
    /// least significant first. Positive, in-range values only (test data).
    /// </summary>
    public static Target FromCompact(uint nBits)
    {
        int exponent = (int)(nBits >> 24);
        uint mantissa = nBits & 0x007fffff;
        var bytes = new byte[32];
        for (int i = 0; i < 3; i++)
        {
            int at = exponent - 3 + i;
            if (at >= 0 && at < 32)
            {
                bytes[at] = (byte)(mantissa >> (8 * i));
            }
        }

        return FromLittleEndianBytes(bytes);
    }

    /// <summary>A target whose top word is <paramref name="topWord"/> and every lower word all ones: about topWord / 2^32 of hashes meet it.</summary>
    public static Target WithTopWord(uint topWord) =>
        new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, topWord]);

    /// <summary>nBits of an 80-byte header: bytes 72..75, little-endian.</summary>
    public static uint CompactBitsOf(byte[] header) => System.BitConverter.ToUInt32(header, 72);

    /// <summary>The nonce of an 80-byte header: bytes 76..79, little-endian.</summary>
    public static uint NonceOf(byte[] header) => System.BitConverter.ToUInt32(header, 76);

    private static Target FromLittleEndianBytes(byte[] bytes)
    {
        var words = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = System.BitConverter.ToUInt32(bytes, i * 4);
        }

        return new Target(words);
    }
}
