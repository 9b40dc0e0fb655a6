using System;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>One transaction of a block template, as the block will carry it.</summary>
/// <param name="Data">The serialization to put in the block (with witness when it has one).</param>
/// <param name="Txid">Its txid in raw byte order (for the merkle root).</param>
/// <param name="Wtxid">Its wtxid in raw byte order (for the witness commitment; the txid when it has no witness).</param>
public sealed record TemplateTransaction(byte[] Data, byte[] Txid, byte[] Wtxid)
{
    /// <summary>True when the transaction carries witness data (its wtxid differs from its txid).</summary>
    public bool HasWitness => !Txid.AsSpan().SequenceEqual(Wtxid);
}
