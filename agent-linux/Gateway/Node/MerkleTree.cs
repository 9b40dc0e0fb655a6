using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// Bitcoin's transaction merkle tree (src/consensus/merkle.cpp): pairs of 32-byte hashes in raw order are hashed with
/// SHA-256d level by level, an odd last hash paired with itself.
/// </summary>
internal static class MerkleTree
{
    /// <summary>The root over <paramref name="hashes"/> (txids, or wtxids for the witness tree), in block order.</summary>
    /// <exception cref="ArgumentException">When there are no hashes.</exception>
    public static byte[] Root(IReadOnlyList<byte[]> hashes)
    {
        if (hashes.Count == 0)
        {
            throw new ArgumentException("A merkle tree needs at least one hash (the coinbase's).", nameof(hashes));
        }

        var level = new List<byte[]>(hashes);
        while (level.Count > 1)
        {
            level = NextLevel(level, 0);
        }

        return level[0];
    }

    /// <summary>
    /// The hashes the coinbase's txid is folded with, in order, to reach the root (as Stratum's merkle_branch):
    /// at each level the coinbase's sibling. <paramref name="transactionIds"/> are the txids after the coinbase.
    /// </summary>
    public static byte[][] CoinbaseBranch(IReadOnlyList<byte[]> transactionIds)
    {
        var branch = new List<byte[]>();

        // The coinbase stays at index 0; only its siblings, at index 1, and the levels right of it are needed.
        var level = new List<byte[]>(transactionIds.Count + 1) { Array.Empty<byte>() };
        level.AddRange(transactionIds);
        while (level.Count > 1)
        {
            branch.Add(level[1]);
            level = NextLevel(level, 2);
            level.Insert(0, Array.Empty<byte>());
        }

        return branch.ToArray();
    }

    private static List<byte[]> NextLevel(List<byte[]> level, int start)
    {
        var next = new List<byte[]>((level.Count + 1) / 2);
        for (int i = start; i < level.Count; i += 2)
        {
            byte[] right = i + 1 < level.Count ? level[i + 1] : level[i];
            next.Add(DoubleSha256.HashPair(level[i], right));
        }

        return next;
    }
}
