using System;
using System.Buffers.Binary;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>The header a device share is judged on: the job's header with the share's nonce (hashed by <see cref="ProofOfWork"/>).</summary>
public static class ShareHasher
{
    /// <summary>The 80-byte header with <paramref name="nonce"/> written little-endian into bytes 76..79, as a header stores it.</summary>
    public static byte[] WithNonce(byte[] header80, uint nonce)
    {
        byte[] header = (byte[])header80.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76, 4), nonce);
        return header;
    }
}
