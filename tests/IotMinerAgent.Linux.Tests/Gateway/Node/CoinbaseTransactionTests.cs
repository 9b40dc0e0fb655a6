using System.Linq;
using System.Text;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class CoinbaseTransactionTests
{
    /// <summary>P2WPKH of BIP 173's first vector.</summary>
    static readonly byte[] Payout = Hex.Decode("0014751e76e8199196d454941c45d1b3a323f1433bd6");
    static readonly byte[] Commitment = Hex.Decode(RegtestTemplateJson.WitnessCommitment);

    [Theory]
    [InlineData(0L)]
    [InlineData(16L)]
    [InlineData(102L)]
    [InlineData(2_000_000L)]
    [InlineData(long.MaxValue)]
    public void The_script_sig_holds_height_extranonce_and_tag_within_consensus_bounds(long height)
    {
        var coinbase = new CoinbaseTransaction(height, 5_000_000_000, Payout, Commitment);

        TransactionReader tx = TransactionReader.Read(coinbase.Serialize(0x0102030405060708));

        byte[] scriptSig = Assert.Single(tx.Inputs).ScriptSig;
        byte[] expected = [.. BlockHeightScript.Push(height), 0x08, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0x0a, .. Encoding.ASCII.GetBytes("/iotminer/")];
        Assert.Equal(Hex.Encode(expected), Hex.Encode(scriptSig));
        Assert.InRange(scriptSig.Length, 2, 100);
    }

    [Fact]
    public void The_input_spends_nothing_and_is_final()
    {
        TransactionReader tx = TransactionReader.Read(new CoinbaseTransaction(102, 1, Payout, null).Serialize(0));

        var input = Assert.Single(tx.Inputs);
        Assert.Equal(new byte[32], input.PreviousOutput[..32]);
        Assert.Equal("ffffffff", Hex.Encode(input.PreviousOutput[32..]));
        Assert.Equal(0xffffffffu, input.Sequence);
        Assert.Equal(0u, tx.LockTime);
    }

    [Fact]
    public void With_a_commitment_the_reward_comes_first_and_the_commitment_last_with_the_reserved_value_as_witness()
    {
        var coinbase = new CoinbaseTransaction(102, 5_000_001_410, Payout, Commitment);

        TransactionReader block = TransactionReader.Read(coinbase.SerializeForBlock(9));

        Assert.True(coinbase.HasWitness);
        Assert.True(block.HasWitnessMarker);
        Assert.Equal(2, block.Outputs.Count);
        Assert.Equal(5_000_001_410UL, block.Outputs[0].Value);
        Assert.Equal(Payout, block.Outputs[0].Script);
        Assert.Equal(0UL, block.Outputs[1].Value);
        Assert.Equal(Commitment, block.Outputs[1].Script);
        byte[] reserved = Assert.Single(Assert.Single(block.Witnesses));
        Assert.Equal(new byte[32], reserved);
    }

    [Fact]
    public void The_txid_is_the_hash_of_the_serialization_without_witness()
    {
        var coinbase = new CoinbaseTransaction(102, 5_000_001_410, Payout, Commitment);
        byte[] legacy = coinbase.Serialize(9);
        byte[] withWitness = coinbase.SerializeForBlock(9);

        // BIP 144: the same transaction without marker, flag and witness (4 + 2 + 1 + 1 + 32 bytes removed).
        byte[] stripped = [.. withWitness[..4], .. withWitness[6..^(4 + 34)], .. withWitness[^4..]];
        Assert.Equal(Hex.Encode(legacy), Hex.Encode(stripped));
        Assert.Equal(Sha256d.Hash(legacy), coinbase.Txid(9));
        Assert.NotEqual(Hex.Encode(coinbase.Txid(9)), Hex.Encode(coinbase.Txid(10)));
    }

    [Fact]
    public void Without_a_commitment_there_is_one_output_and_no_witness()
    {
        var coinbase = new CoinbaseTransaction(102, 5_000_000_000, Payout, null);

        TransactionReader tx = TransactionReader.Read(coinbase.SerializeForBlock(1));

        Assert.False(coinbase.HasWitness);
        Assert.False(tx.HasWitnessMarker);
        Assert.Equal(Payout, Assert.Single(tx.Outputs).Script);
        Assert.Equal(coinbase.Serialize(1), coinbase.SerializeForBlock(1));
    }
}
