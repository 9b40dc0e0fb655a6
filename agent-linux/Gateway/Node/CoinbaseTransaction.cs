using System;
using System.Text;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// The coinbase of a node template, laid out once so each work unit only drops its extranonce in. scriptSig: the BIP 34
/// height, a push of the 8-byte extranonce (the work unit, little-endian, so every unit has its own txid and merkle
/// root) and the tag "/iotminer/". Outputs: the whole coinbase value to the payout script, then the BIP 141 witness
/// commitment when there is one; its input's witness is then the 32-byte reserved value.
/// </summary>
public sealed class CoinbaseTransaction
{
    /// <summary>Length of the extranonce in the scriptSig.</summary>
    public const int ExtranonceLength = 8;

    private const uint TransactionVersion = 2;
    private const uint FinalSequence = 0xffffffff;
    private const uint LockTime = 0;

    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("/iotminer/");

    private readonly byte[] _beforeExtranonce;
    private readonly byte[] _afterExtranonce;
    private readonly bool _hasWitness;

    /// <summary>Lays out the coinbase of a block at <paramref name="height"/>.</summary>
    /// <param name="height">The block's height (BIP 34).</param>
    /// <param name="value">Subsidy plus fees, in the coin's smallest unit (getblocktemplate's coinbasevalue).</param>
    /// <param name="payoutScript">The owner's output script.</param>
    /// <param name="witnessCommitmentScript">The commitment output's script, or null for a block without one.</param>
    public CoinbaseTransaction(long height, long value, byte[] payoutScript, byte[]? witnessCommitmentScript)
    {
        ArgumentNullException.ThrowIfNull(payoutScript);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        byte[] heightPush = BlockHeightScript.Push(height);

        // CheckTransaction ("bad-cb-length") wants 2..100 bytes: this layout has 21 to 30 (a height push of 1 to 10).
        int scriptSigLength = heightPush.Length + 1 + ExtranonceLength + 1 + Tag.Length;
        _hasWitness = witnessCommitmentScript is not null;
        _beforeExtranonce = new WireWriter()
            .CompactSize(1)
            .Bytes(new byte[32]).UInt32(0xffffffff)
            .CompactSize((ulong)scriptSigLength)
            .Bytes(heightPush)
            .Bytes([ExtranonceLength])
            .ToArray();
        var after = new WireWriter()
            .Bytes([(byte)Tag.Length]).Bytes(Tag)
            .UInt32(FinalSequence)
            .CompactSize(_hasWitness ? 2UL : 1UL)
            .UInt64((ulong)value).VarBytes(payoutScript);
        if (witnessCommitmentScript is not null)
        {
            after.UInt64(0).VarBytes(witnessCommitmentScript);
        }

        _afterExtranonce = after.ToArray();
    }

    /// <summary>True when the coinbase carries the witness commitment and so the reserved value as its witness.</summary>
    public bool HasWitness => _hasWitness;

    /// <summary>The serialization without witness (BIP 144), whose SHA-256d is the txid.</summary>
    public byte[] Serialize(ulong extranonce) =>
        WithExtranonce(extranonce, new WireWriter().UInt32(TransactionVersion)).UInt32(LockTime).ToArray();

    /// <summary>
    /// The serialization as it goes into the block: with marker 0x00, flag 0x01 and the input's witness (one
    /// 32-byte reserved value) when <see cref="HasWitness"/>, else the same as <see cref="Serialize"/>.
    /// </summary>
    public byte[] SerializeForBlock(ulong extranonce)
    {
        if (!_hasWitness)
        {
            return Serialize(extranonce);
        }

        WireWriter writer = WithExtranonce(extranonce, new WireWriter().UInt32(TransactionVersion).Bytes([0x00, 0x01]));
        return writer.CompactSize(1).VarBytes(WitnessCommitment.ReservedValue).UInt32(LockTime).ToArray();
    }

    /// <summary>The txid in raw byte order: SHA-256d of <see cref="Serialize"/>.</summary>
    public byte[] Txid(ulong extranonce) => DoubleSha256.Hash(Serialize(extranonce));

    private WireWriter WithExtranonce(ulong extranonce, WireWriter writer) =>
        writer.Bytes(_beforeExtranonce).UInt64(extranonce).Bytes(_afterExtranonce);
}
