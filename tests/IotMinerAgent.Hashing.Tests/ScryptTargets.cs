namespace IotMinerAgent.Hashing.Tests;

/// <summary>Targets and header fields for the scrypt tests.</summary>
internal static class ScryptTargets
{
    /// <summary>A target whose top word is <paramref name="topWord"/> and every lower word all ones: about topWord / 2^32 of hashes meet it.</summary>
    public static Target WithTopWord(uint topWord) =>
        new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, topWord]);

    /// <summary>The target an 80-byte header commits to: its nBits, bytes 72..75 little-endian.</summary>
    public static Target OfHeader(byte[] header) => Target.FromCompact(System.BitConverter.ToUInt32(header, 72));

    /// <summary>The nonce of an 80-byte header: bytes 76..79, little-endian.</summary>
    public static uint NonceOf(byte[] header) => System.BitConverter.ToUInt32(header, 76);
}
