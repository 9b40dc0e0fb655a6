using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Tests.Stratum;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>The node upstream against two real litecoind regtest nodes: templates, blocks found with scrypt, submitblock's verdicts.</summary>
[Collection(LitecoindCollection.Name)]
public sealed class NodeUpstreamRegtestTests(LitecoindRegtest regtest)
{
    [Fact]
    public async Task Delivers_a_scrypt_template_for_the_next_height()
    {
        string address = await NewAddressAsync("bech32");
        await using var feed = new TemplateFeed(Upstream(regtest.First, address));

        NodeTemplate template = await feed.NextAsync();

        Assert.Equal(Algorithms.Scrypt, feed.Upstream.Algorithm);
        Assert.Equal(Algorithms.Scrypt, template.Algorithm);
        Assert.True(template.ReplacesAll);
        Assert.Equal(await regtest.First.BlockCountAsync() + 1, template.Block.Height);
        Assert.Equal(await regtest.First.BestBlockHashAsync(), template.Block.PreviousBlockHashHex);
        Assert.Equal(0x207fffffu, template.NetworkTarget.ToCompact());
        Assert.Equal(template.NetworkTarget.ToHex(), template.ShareTarget.ToHex());
        Assert.NotEqual(template.BuildHeader(0), template.BuildHeader(1));
    }

    [Theory]
    [InlineData("bech32")]
    [InlineData("legacy")]
    [InlineData("p2sh-segwit")]
    public async Task A_found_block_is_accepted_and_its_coinbase_pays_the_configured_address(string addressType)
    {
        string address = await NewAddressAsync(addressType);
        string expectedScript = await ScriptOfAsync(address);
        Assert.Equal(expectedScript, Hex.Encode(PayoutAddress.ToScript(address, CoinNetwork.Find(Coin.Litecoin, "regtest")!)));
        long before = await regtest.First.BlockCountAsync();

        // A long poll interval: the template after the block can only come from the wake-up after acceptance.
        await using var feed = new TemplateFeed(Upstream(regtest.First, address, pollSeconds: 600));
        NodeTemplate template = await feed.NextAsync();
        UpstreamResult result = await feed.Upstream.SubmitAsync(RegtestMiner.Solve(template, 7), CancellationToken.None);

        Assert.Equal(ShareVerdict.BlockAccepted, result.Verdict);
        Assert.Equal(before + 1, await regtest.First.BlockCountAsync());
        JsonElement block = await regtest.First.CallAsync("getblock", await regtest.First.BestBlockHashAsync(), 2);
        JsonElement coinbase = block.GetProperty("tx")[0];
        JsonElement payout = coinbase.GetProperty("vout")[0];
        Assert.Equal(expectedScript, payout.GetProperty("scriptPubKey").GetProperty("hex").GetString());
        Assert.Equal(template.Block.CoinbaseValue, (long)Math.Round(payout.GetProperty("value").GetDecimal() * 100_000_000m));
        Assert.Contains("0807000000000000000a2f696f746d696e65722f", coinbase.GetProperty("vin")[0].GetProperty("coinbase").GetString());

        NodeTemplate next = await feed.NextAsync(seconds: 15);
        Assert.True(next.ReplacesAll);
        Assert.Equal(before + 2, next.Block.Height);
    }

    [Fact]
    public async Task A_block_with_a_mempool_segwit_transaction_is_accepted_and_reaches_the_peer()
    {
        string address = await NewAddressAsync("bech32");
        await using var feed = new TemplateFeed(Upstream(regtest.First, address));
        NodeTemplate first = await feed.NextAsync();
        string txid = (await regtest.First.CallAsync("sendtoaddress", await NewAddressAsync("bech32"), 1.25m)).GetString()!;

        // The node rebuilds its template for a changed mempool at most every 5 s; the refresh keeps the tip.
        NodeTemplate template = await feed.NextWhereAsync(t => t.Block.Transactions.Any(x => Hex.Encode(Reverse(x.Txid)) == txid));
        Assert.False(template.ReplacesAll);
        Assert.Equal(first.Block.PreviousBlockHashHex, template.Block.PreviousBlockHashHex);
        Assert.Contains(template.Block.Transactions, t => t.HasWitness);
        Assert.NotNull(template.Block.DefaultWitnessCommitment);
        Assert.Equal(
            Hex.Encode(template.Block.DefaultWitnessCommitment!),
            Hex.Encode(WitnessCommitmentOf(template)));

        UpstreamSubmission found = RegtestMiner.Solve(template, 0);
        UpstreamResult result = await feed.Upstream.SubmitAsync(found, CancellationToken.None);

        Assert.Equal(ShareVerdict.BlockAccepted, result.Verdict);
        string blockId = Hex.Encode(Reverse(Sha256d.HashHeader(found.Header)));
        Assert.Equal(blockId, await regtest.First.BestBlockHashAsync());
        JsonElement block = await regtest.First.CallAsync("getblock", blockId, 1);
        Assert.Contains(txid, block.GetProperty("tx").EnumerateArray().Select(t => t.GetString()));
        await LitecoindRegtest.WaitUntilAsync(async () => await regtest.Second.BestBlockHashAsync() == blockId, "the peer to have the block");
    }

    [Fact]
    public async Task An_older_template_of_the_same_tip_still_makes_a_valid_block()
    {
        string address = await NewAddressAsync("bech32");
        await using var feed = new TemplateFeed(Upstream(regtest.First, address));
        NodeTemplate older = await feed.NextAsync();
        await regtest.First.CallAsync("sendtoaddress", await NewAddressAsync("legacy"), 0.5m);
        NodeTemplate refreshed = await feed.NextAsync();
        Assert.False(refreshed.ReplacesAll);
        Assert.NotEqual(older.Block.Transactions.Count, refreshed.Block.Transactions.Count);

        UpstreamResult result = await feed.Upstream.SubmitAsync(RegtestMiner.Solve(older, 11), CancellationToken.None);

        Assert.Equal(ShareVerdict.BlockAccepted, result.Verdict);
        Assert.Equal(older.Block.Height, await regtest.First.BlockCountAsync());
    }

    [Fact]
    public async Task A_block_on_a_superseded_template_is_stale_not_accepted()
    {
        string address = await NewAddressAsync("bech32");
        await using var feed = new TemplateFeed(Upstream(regtest.First, address));
        NodeTemplate old = await feed.NextAsync();
        await regtest.First.CallAsync("generatetoaddress", 1, address);
        string tip = await regtest.First.BestBlockHashAsync();
        NodeTemplate replacement = await feed.NextWhereAsync(t => t.Block.PreviousBlockHashHex == tip);

        UpstreamResult result = await feed.Upstream.SubmitAsync(RegtestMiner.Solve(old, 3), CancellationToken.None);

        Assert.True(replacement.ReplacesAll);
        Assert.Contains(result.Verdict, new[] { ShareVerdict.Stale, ShareVerdict.Rejected });
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.Equal(tip, await regtest.First.BestBlockHashAsync());
    }

    [Fact]
    public async Task The_cookie_file_logs_in_to_the_second_node()
    {
        string address = await NewAddressAsync("legacy");
        var options = Options(regtest.Second, address);
        Assert.Empty(options.Validate());
        await using var feed = new TemplateFeed(new NodeUpstream(options, new CapturingLogger()));

        NodeTemplate template = await feed.NextAsync();

        Assert.Equal(await regtest.Second.BlockCountAsync() + 1, template.Block.Height);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_upstream_with_a_clear_error()
    {
        string address = await NewAddressAsync("bech32");
        NodeUpstreamOptions options = Options(regtest.First, address);
        options.RpcPassword = "not-the-password";
        await using var feed = new TemplateFeed(new NodeUpstream(options, new CapturingLogger()));

        var error = await Assert.ThrowsAsync<NodeRpcException>(() => feed.NextAsync());

        Assert.Equal(NodeRpcFailure.Unauthorized, error.Failure);
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("rpcUser/rpcPassword", error.Message);
    }

    [Fact]
    public async Task A_payout_address_of_another_network_stops_the_upstream_naming_the_expected_prefix()
    {
        // A Litecoin mainnet address (litecoin src/test/data/key_io_valid.json) for a regtest node.
        await using var feed = new TemplateFeed(Upstream(regtest.First, "LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeA"));

        var error = await Assert.ThrowsAsync<PayoutAddressException>(() => feed.NextAsync());

        Assert.Contains("LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeA", error.Message);
        Assert.Contains("litecoin main", error.Message);
        Assert.Contains("rltc1", error.Message);
    }

    [Fact]
    public async Task A_submission_on_another_upstreams_template_is_rejected()
    {
        string address = await NewAddressAsync("bech32");
        await using var feed = new TemplateFeed(Upstream(regtest.First, address));
        NodeTemplate template = await feed.NextAsync();
        using NodeUpstream other = Upstream(regtest.First, address);

        UpstreamResult result = await other.SubmitAsync(RegtestMiner.Solve(template, 1), CancellationToken.None);

        Assert.Equal(ShareVerdict.Rejected, result.Verdict);
        Assert.Contains("not issued by", result.Reason);
    }

    [Fact]
    public async Task A_node_that_went_away_makes_a_submission_unreachable_after_retries()
    {
        string address = await NewAddressAsync("bech32");
        await using var relay = TcpRelay.Start(regtest.First.RpcPort);
        NodeUpstreamOptions options = Options(regtest.First, address);
        options.RpcUrl = $"http://127.0.0.1:{relay.Port}/";
        var log = new CapturingLogger();
        await using var feed = new TemplateFeed(new NodeUpstream(options, log));
        NodeTemplate template = await feed.NextAsync();
        UpstreamSubmission found = RegtestMiner.Solve(template, 2);
        long before = await regtest.First.BlockCountAsync();
        await relay.StopAsync();

        UpstreamResult result = await feed.Upstream.SubmitAsync(found, CancellationToken.None);

        Assert.Equal(ShareVerdict.Unreachable, result.Verdict);
        Assert.Contains("unreachable", result.Reason);
        Assert.Equal(2, log.Entries.Count(e => e.Message.Contains("retrying")));
        Assert.Equal(before, await regtest.First.BlockCountAsync());
    }

    static byte[] WitnessCommitmentOf(NodeTemplate template)
    {
        // The node's commitment, recomputed from the template's wtxids (BIP 141) to check the gateway's own computation.
        var withoutCommitment = new BlockTemplate
        {
            Version = template.Block.Version,
            PreviousBlockHash = template.Block.PreviousBlockHash,
            PreviousBlockHashHex = template.Block.PreviousBlockHashHex,
            Transactions = template.Block.Transactions,
            CoinbaseValue = template.Block.CoinbaseValue,
            Bits = template.Block.Bits,
            CurTime = template.Block.CurTime,
            Height = template.Block.Height,
            DefaultWitnessCommitment = null,
        };
        NodeTemplate rebuilt = NodeTemplate.Create(withoutCommitment, Coin.Litecoin, [0x51], "rebuilt", true, new object());
        byte[] coinbase = rebuilt.Coinbase.Serialize(0);

        // The commitment output is the coinbase's last output: 8-byte value 0, length 0x26, then the 38-byte script.
        return coinbase[^(4 + 38)..^4];
    }

    NodeUpstream Upstream(LitecoindNode node, string address, double pollSeconds = 0.2) =>
        new(Options(node, address, pollSeconds), new CapturingLogger());

    static NodeUpstreamOptions Options(LitecoindNode node, string address, double pollSeconds = 0.2) => new()
    {
        RpcUrl = node.RpcUrl.ToString(),
        RpcUser = node.UsesCookie ? string.Empty : LitecoindNode.RpcUser,
        RpcPassword = node.UsesCookie ? string.Empty : LitecoindNode.RpcPassword,
        RpcCookieFile = node.UsesCookie ? node.CookieFile : string.Empty,
        PayoutAddress = address,
        Coin = "litecoin",
        PollIntervalSeconds = pollSeconds,
    };

    async Task<string> NewAddressAsync(string type) => (await regtest.First.CallAsync("getnewaddress", string.Empty, type)).GetString()!;

    async Task<string> ScriptOfAsync(string address) =>
        (await regtest.First.CallAsync("validateaddress", address)).GetProperty("scriptPubKey").GetString()!;

    static byte[] Reverse(byte[] hash)
    {
        byte[] copy = (byte[])hash.Clone();
        Array.Reverse(copy);
        return copy;
    }
}
