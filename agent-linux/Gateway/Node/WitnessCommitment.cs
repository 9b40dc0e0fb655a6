using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// The segwit commitment output of BIP 141: OP_RETURN, a 36-byte push of 0xaa21a9ed and SHA-256d(witness root ‖
/// witness reserved value), where the witness root is the merkle root of the wtxids with the coinbase's taken as 32
/// zero bytes. The coinbase's witness carries the reserved value; this gateway always uses 32 zero bytes, as
/// getblocktemplate's default_witness_commitment assumes.
/// </summary>
internal static class WitnessCommitment
{
    /// <summary>The witness reserved value: 32 zero bytes, the coinbase input's only witness item.</summary>
    public static ReadOnlySpan<byte> ReservedValue => new byte[32];

    /// <summary>The commitment output script for a block whose non-coinbase transactions have <paramref name="wtxids"/>.</summary>
    public static byte[] Script(IReadOnlyList<byte[]> wtxids)
    {
        var leaves = new List<byte[]>(wtxids.Count + 1) { new byte[32] };
        leaves.AddRange(wtxids);
        byte[] commitment = DoubleSha256.HashPair(MerkleTree.Root(leaves), ReservedValue);

        // OP_RETURN, push 36: the 4-byte header 0xaa21a9ed then the 32-byte commitment.
        return [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed, .. commitment];
    }
}
