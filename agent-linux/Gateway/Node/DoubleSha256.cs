using System;
using System.Security.Cryptography;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// SHA-256 applied twice, Bitcoin's hash for transaction ids, merkle nodes, base58check checksums and block ids. The
/// platform's SHA-256 (SHA-NI, ARMv8 SHA-2 where present): whole transactions and blocks are hashed here, not headers.
/// </summary>
internal static class DoubleSha256
{
    /// <summary>SHA-256(SHA-256(<paramref name="data"/>)) in raw byte order.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> first = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, first);
        return SHA256.HashData(first);
    }

    /// <summary>The hash of <paramref name="left"/> ‖ <paramref name="right"/>: one merkle tree node from its two 32-byte children.</summary>
    public static byte[] HashPair(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> pair = stackalloc byte[64];
        left.CopyTo(pair);
        right.CopyTo(pair[32..]);
        return Hash(pair);
    }
}
