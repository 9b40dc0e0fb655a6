using System;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// A block template from the owner's node as gateway work: work unit n is the coinbase with extranonce n, so each unit
/// has its own merkle root and header. Shares are blocks: the share target is the network target. It keeps everything
/// needed to assemble the block, so a share found on an older template of the same block still makes a valid block.
/// </summary>
public sealed class NodeTemplate : UpstreamTemplate
{
    private readonly byte[][] _merkleBranch;

    private NodeTemplate(object issuer, BlockTemplate block, CoinbaseTransaction coinbase)
    {
        Issuer = issuer;
        Block = block;
        Coinbase = coinbase;
        _merkleBranch = MerkleTree.CoinbaseBranch(block.Transactions.Select(t => t.Txid).ToList());
    }

    /// <summary>The node's template this work was built from.</summary>
    public BlockTemplate Block { get; }

    /// <summary>The coinbase, paying the owner.</summary>
    public CoinbaseTransaction Coinbase { get; }

    /// <summary>The upstream that issued it (a submission must come back to the same one).</summary>
    internal object Issuer { get; }

    /// <summary>
    /// Builds gateway work from a parsed template. The coinbase carries the witness commitment whenever the node
    /// gave one (BIP 145 always does once segwit is active) or, failing that, when a transaction has witness data.
    /// </summary>
    public static NodeTemplate Create(BlockTemplate block, Coin coin, byte[] payoutScript, string id, bool replacesAll, object issuer)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(coin);
        byte[]? commitment = block.DefaultWitnessCommitment
            ?? (block.Transactions.Any(t => t.HasWitness) ? WitnessCommitment.Script(block.Transactions.Select(t => t.Wtxid).ToList()) : null);
        Target target = Target.FromCompact(block.Bits);
        return new NodeTemplate(issuer, block, new CoinbaseTransaction(block.Height, block.CoinbaseValue, payoutScript, commitment))
        {
            Id = id,
            Algorithm = coin.Algorithm,
            ShareTarget = target,
            NetworkTarget = target,

            // The extranonce is 8 bytes: every unit number the gateway can hand out is a distinct coinbase.
            WorkUnitCount = ulong.MaxValue,
            ReplacesAll = replacesAll,
        };
    }

    /// <inheritdoc />
    public override byte[] BuildHeader(ulong workUnit) => Header(workUnit, 0);

    /// <summary>
    /// The serialized block (BIP 144 with witness): the header with <paramref name="nonce"/>, the transaction count,
    /// the coinbase of <paramref name="workUnit"/> and the template's transactions as the node gave them.
    /// </summary>
    public byte[] AssembleBlock(ulong workUnit, uint nonce)
    {
        var block = new WireWriter(Block.Transactions.Sum(t => t.Data.Length) + 512)
            .Bytes(Header(workUnit, nonce))
            .CompactSize((ulong)Block.Transactions.Count + 1)
            .Bytes(Coinbase.SerializeForBlock(workUnit));
        foreach (TemplateTransaction transaction in Block.Transactions)
        {
            block.Bytes(transaction.Data);
        }

        return block.ToArray();
    }

    /// <summary>The 80-byte header of <paramref name="workUnit"/> with <paramref name="nonce"/>.</summary>
    public byte[] Header(ulong workUnit, uint nonce)
    {
        byte[] merkleRoot = StratumHeader.MerkleRoot(Coinbase.Txid(workUnit), _merkleBranch);
        return new WireWriter(HeaderWork.HeaderLength)
            .UInt32(Block.Version)
            .Bytes(Block.PreviousBlockHash)
            .Bytes(merkleRoot)
            .UInt32(Block.CurTime)
            .UInt32(Block.Bits)
            .UInt32(nonce)
            .ToArray();
    }
}
