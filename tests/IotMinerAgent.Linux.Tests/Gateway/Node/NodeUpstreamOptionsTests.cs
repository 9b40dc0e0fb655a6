using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Tests.Stratum;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class NodeUpstreamOptionsTests
{
    static NodeUpstreamOptions Valid() => new()
    {
        RpcUrl = "http://127.0.0.1:19443",
        RpcUser = "miner",
        RpcPassword = "secret",
        PayoutAddress = "rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs3",
        Coin = "litecoin",
    };

    [Fact]
    public void Valid_settings_have_no_problems_and_give_the_coin_and_interval()
    {
        NodeUpstreamOptions options = Valid();

        Assert.Empty(options.Validate());
        Assert.Same(Coin.Litecoin, options.ResolveCoin());
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        using var upstream = new NodeUpstream(options, new CapturingLogger());
        Assert.Equal("node http://127.0.0.1:19443/", upstream.DisplayName);
        Assert.Equal(Algorithms.Scrypt, upstream.Algorithm);
    }

    [Fact]
    public void Binds_from_the_snake_case_keys_of_the_gateway_node_section()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["gateway:node:rpcUrl"] = "http://127.0.0.1:8332",
            ["gateway:node:rpcCookieFile"] = "/var/lib/bitcoind/.cookie",
            ["gateway:node:payoutAddress"] = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            ["gateway:node:coin"] = "bitcoin",
            ["gateway:node:pollIntervalSeconds"] = "2.5",
        }).Build();

        NodeUpstreamOptions options = configuration.GetSection(NodeUpstreamOptions.Section).Get<NodeUpstreamOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal("/var/lib/bitcoind/.cookie", options.RpcCookieFile);
        Assert.Same(Coin.Bitcoin, options.ResolveCoin());
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.PollInterval);
    }

    [Theory]
    [InlineData("rpcUrl", "gateway:node:rpcUrl 'localhost:19443' is not an http:// URL")]
    [InlineData("userinfo", "gateway:node:rpcUrl carries a user name or password")]
    [InlineData("no-credentials", "no node credentials: set gateway:node:rpcCookieFile")]
    [InlineData("both-credentials", "gateway:node:rpcCookieFile and gateway:node:rpcUser/gateway:node:rpcPassword are both set")]
    [InlineData("user-only", "gateway:node:rpcUser and gateway:node:rpcPassword go together")]
    [InlineData("relative-cookie", "gateway:node:rpcCookieFile '.cookie' is not an absolute path")]
    [InlineData("coin", "gateway:node:coin 'dogecoin' is not supported: use bitcoin or litecoin")]
    [InlineData("empty-address", "gateway:node:payoutAddress is empty")]
    [InlineData("bitcoin-address", "gateway:node:payoutAddress 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' is a bitcoin main address, not a litecoin address")]
    [InlineData("poll", "gateway:node:pollIntervalSeconds 0 is out of range")]
    public void Each_problem_names_its_key_and_the_fix(string broken, string message)
    {
        NodeUpstreamOptions options = Valid();
        switch (broken)
        {
            case "rpcUrl": options.RpcUrl = "localhost:19443"; break;
            case "userinfo": options.RpcUrl = "http://miner:secret@127.0.0.1:19443"; break;
            case "no-credentials": options.RpcUser = options.RpcPassword = string.Empty; break;
            case "both-credentials": options.RpcCookieFile = "/tmp/.cookie"; break;
            case "user-only": options.RpcPassword = string.Empty; break;
            case "relative-cookie": options.RpcUser = options.RpcPassword = string.Empty; options.RpcCookieFile = ".cookie"; break;
            case "coin": options.Coin = "dogecoin"; break;
            case "empty-address": options.PayoutAddress = " "; break;
            case "bitcoin-address": options.PayoutAddress = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"; break;
            case "poll": options.PollIntervalSeconds = 0; break;
        }

        string problem = Assert.Single(options.Validate());

        Assert.Contains(message, problem);
        var error = Assert.Throws<ArgumentException>(() => new NodeUpstream(options, new CapturingLogger()));
        Assert.Contains(message, error.Message);
    }
}
