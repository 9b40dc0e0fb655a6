using System.Linq;
using System.Text.Json.Nodes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class BlockTemplateTests
{
    [Fact]
    public void Parses_a_real_litecoind_template()
    {
        BlockTemplate template = BlockTemplate.Parse(RegtestTemplateJson.With());

        Assert.Equal(0x20000000u, template.Version);
        Assert.Equal(RegtestTemplateJson.PreviousBlockHash, template.PreviousBlockHashHex);
        Assert.Equal(Hex.DecodeReversed(RegtestTemplateJson.PreviousBlockHash), template.PreviousBlockHash);
        Assert.Equal(5000001410, template.CoinbaseValue);
        Assert.Equal(0x207fffffu, template.Bits);
        Assert.Equal(1795509040u, template.CurTime);
        Assert.Equal(102, template.Height);
        Assert.Equal(RegtestTemplateJson.WitnessCommitment, Hex.Encode(template.DefaultWitnessCommitment!));
        TemplateTransaction transaction = Assert.Single(template.Transactions);
        Assert.True(transaction.HasWitness);

        // The wtxid is SHA-256d of the data as the block carries it (with witness): the data was taken whole.
        Assert.Equal(Hex.DecodeReversed(RegtestTemplateJson.Wtxid), Sha256d.Hash(transaction.Data));
        Assert.Equal(Hex.DecodeReversed(RegtestTemplateJson.Txid), transaction.Txid);
    }

    [Fact]
    public void Refuses_a_template_with_mweb_data()
    {
        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(RegtestTemplateJson.With(t => t["mweb"] = "0102")));

        Assert.Contains("MWEB", error.Message);
        Assert.Contains("not supported yet", error.Message);
    }

    [Fact]
    public void Refuses_a_template_that_requires_an_unknown_rule()
    {
        var error = Assert.Throws<BlockTemplateException>(() =>
            BlockTemplate.Parse(RegtestTemplateJson.With(t => t["rules"] = new JsonArray("!segwit", "!mweb"))));

        Assert.Contains("'mweb'", error.Message);
    }

    [Theory]
    [InlineData("bits")]
    [InlineData("previousblockhash")]
    [InlineData("coinbasevalue")]
    [InlineData("transactions")]
    public void A_template_without_a_needed_field_is_malformed(string field)
    {
        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(RegtestTemplateJson.With(t => t.Remove(field))));

        Assert.StartsWith("The node's block template is malformed", error.Message);
    }

    [Fact]
    public void A_short_previous_block_hash_is_malformed()
    {
        var error = Assert.Throws<BlockTemplateException>(() =>
            BlockTemplate.Parse(RegtestTemplateJson.With(t => t["previousblockhash"] = "fcdce8")));

        Assert.Contains("previousblockhash", error.Message);
    }
}
