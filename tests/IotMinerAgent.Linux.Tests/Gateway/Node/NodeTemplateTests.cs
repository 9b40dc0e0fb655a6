using System;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class NodeTemplateTests
{
    static readonly byte[] Payout = Hex.Decode("0014751e76e8199196d454941c45d1b3a323f1433bd6");

    [Fact]
    public void Is_scrypt_work_at_the_network_target_with_an_extranonce_per_work_unit()
    {
        NodeTemplate template = Create(RegtestTemplateJson.With());

        Assert.Equal(Algorithms.Scrypt, template.Algorithm);
        Assert.Equal(0x207fffffu, template.NetworkTarget.ToCompact());
        Assert.Equal(template.NetworkTarget.ToHex(), template.ShareTarget.ToHex());
        Assert.Equal(ulong.MaxValue, template.WorkUnitCount);
        Assert.Equal(Algorithms.Sha256d, NodeTemplate.Create(template.Block, Coin.Bitcoin, Payout, "b", true, this).Algorithm);
    }

    [Fact]
    public void The_header_is_version_tip_root_time_bits_and_a_zero_nonce()
    {
        NodeTemplate template = Create(RegtestTemplateJson.With());

        byte[] header = template.BuildHeader(5);

        byte[] root = MerkleTree.Root([template.Coinbase.Txid(5), Hex.DecodeReversed(RegtestTemplateJson.Txid)]);
        Assert.Equal(80, header.Length);
        Assert.Equal("00000020", Hex.Encode(header[..4]));
        Assert.Equal(RegtestTemplateJson.PreviousBlockHash, Hex.Encode(Hex.DecodeReversed(Hex.Encode(header[4..36]))));
        Assert.Equal(Hex.Encode(root), Hex.Encode(header[36..68]));
        Assert.Equal(BitConverter.GetBytes(1795509040u), header[68..72]);
        Assert.Equal("ffff7f20", Hex.Encode(header[72..76]));
        Assert.Equal("00000000", Hex.Encode(header[76..80]));
        Assert.NotEqual(Hex.Encode(header[36..68]), Hex.Encode(template.BuildHeader(6)[36..68]));
    }

    [Fact]
    public void The_block_is_header_count_coinbase_with_witness_then_the_template_transactions()
    {
        NodeTemplate template = Create(RegtestTemplateJson.With());

        byte[] block = template.AssembleBlock(5, 0xdeadbeef);

        Assert.Equal(Hex.Encode(template.Header(5, 0xdeadbeef)), Hex.Encode(block[..80]));
        Assert.Equal("efbeadde", Hex.Encode(block[76..80]));
        Assert.Equal(2, block[80]);
        TransactionReader coinbase = TransactionReader.Read(block, 81);
        Assert.True(coinbase.HasWitnessMarker);
        Assert.Equal(RegtestTemplateJson.WitnessCommitment, Hex.Encode(coinbase.Outputs[1].Script));
        Assert.Equal(RegtestTemplateJson.TransactionData, Hex.Encode(block[(81 + coinbase.Length)..]));
    }

    [Fact]
    public void Without_the_nodes_commitment_it_computes_one_for_witness_transactions()
    {
        NodeTemplate template = Create(RegtestTemplateJson.With(t => t.Remove("default_witness_commitment")));

        TransactionReader coinbase = TransactionReader.Read(template.Coinbase.SerializeForBlock(0));

        Assert.Equal(RegtestTemplateJson.WitnessCommitment, Hex.Encode(coinbase.Outputs[1].Script));
    }

    [Fact]
    public void Without_witness_transactions_or_a_commitment_the_coinbase_has_no_witness()
    {
        NodeTemplate template = Create(RegtestTemplateJson.With(t =>
        {
            t.Remove("default_witness_commitment");
            t["transactions"] = new System.Text.Json.Nodes.JsonArray();
        }));

        byte[] block = template.AssembleBlock(0, 0);

        Assert.False(template.Coinbase.HasWitness);
        Assert.Equal(1, block[80]);
        Assert.Equal(Hex.Encode(template.Coinbase.Serialize(0)), Hex.Encode(block[81..]));
        Assert.Equal(Hex.Encode(template.Coinbase.Txid(0)), Hex.Encode(template.BuildHeader(0)[36..68]));
    }

    NodeTemplate Create(System.Text.Json.JsonElement json) =>
        NodeTemplate.Create(BlockTemplate.Parse(json), Coin.Litecoin, Payout, "test", true, this);
}
