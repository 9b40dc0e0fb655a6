using System;
using System.Buffers.Binary;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>The gateway's own proof-of-work of a device share: the job's header with the nonce, hashed.</summary>
public static class ShareHasher
{
    /// <summary>The 80-byte header with <paramref name="nonce"/> written little-endian into bytes 76..79, as a header stores it.</summary>
    public static byte[] WithNonce(byte[] header80, uint nonce)
    {
        byte[] header = (byte[])header80.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76, 4), nonce);
        return header;
    }

    /// <summary>The raw 32-byte proof-of-work hash of <paramref name="header80"/> (the order <see cref="Target.IsMetBy"/> reads).</summary>
    public static byte[] Hash(string algorithm, byte[] header80) => algorithm switch
    {
        Algorithms.Sha256d => Sha256d.HashHeader(header80),
        Algorithms.Scrypt => Scrypt.HashHeader(header80),
        _ => throw new ArgumentException($"Device shares are sha256d or scrypt, not '{algorithm}'.", nameof(algorithm)),
    };
}
