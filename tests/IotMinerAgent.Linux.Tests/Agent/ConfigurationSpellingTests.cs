using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Configuration.Keys;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Stratum;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// One spelling convention (issue 15): every key camelCase; the gateway's old snake_case spellings still work and
/// warn once naming the new key; messages name keys in the documented spelling, the binder's included.
/// </summary>
public sealed class ConfigurationSpellingTests : IDisposable
{
    const string Gateway = "{ \"mqtt\": { \"host\": \"broker.lan\" }, \"gateway\": { \"stratum\": { \"pools\": [ { \"url\": \"stratum+tcp://pool.example:3333\", \"user\": \"bc1qpayout.gw\" } ] }, ";

    readonly string _dir = Directory.CreateTempSubdirectory("iotminer-spelling-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_old_gateway_spelling_is_honoured_and_warns_once_naming_the_new_key()
    {
        string config = Config(Gateway + "\"share_interval_s\": 7, \"ledger\": { \"sqlite_path\": \"old.db\" }, \"node\": { \"rpc_url\": \"http://127.0.0.1:9332\" } } }");

        GatewaySetup gateway = GatewaySetup.Load(config, [$"--stateDirectory={_dir}"], _dir);
        IReadOnlyList<string> warnings = UnknownKeyCheck.Warnings(gateway.Configuration);

        Assert.Equal(7, gateway.Gateway.Fleet.ShareIntervalSeconds);
        Assert.Equal(Path.Combine(_dir, "old.db"), gateway.Gateway.SqlitePath);
        Assert.Equal("http://127.0.0.1:9332", gateway.Configuration["gateway:node:rpcUrl"]);
        Assert.Equal(
        [
            "gateway:ledger:sqlite_path is deprecated: it is now gateway:ledger:sqlitePath (the old spelling still works; rename it in the configuration)",
            "gateway:node:rpc_url is deprecated: it is now gateway:node:rpcUrl (the old spelling still works; rename it in the configuration)",
            "gateway:share_interval_s is deprecated: it is now gateway:shareIntervalSeconds (the old spelling still works; rename it in the configuration)",
        ], warnings);
    }

    [Fact]
    public void The_agent_warns_once_about_an_old_spelling_and_not_as_an_unknown_key()
    {
        AgentSetup setup = AgentSetup.Load(Config("{}"), [$"--stateDirectory={_dir}", "--gateway:max_devices=20"], _dir);

        Assert.Equal(["gateway:max_devices is deprecated: it is now gateway:maxDevices (the old spelling still works; rename it in the configuration)"], setup.Warnings);
    }

    [Fact]
    public void When_both_spellings_are_set_the_new_one_wins_and_the_warning_says_so()
    {
        GatewaySetup gateway = GatewaySetup.Load(Config(Gateway + "\"workers\": 2 } }"), [$"--stateDirectory={_dir}", "--gateway:share_burst=3", "--gateway:shareBurst=9"], _dir);

        Assert.Equal(9, gateway.Gateway.Fleet.ShareBurst);
        Assert.Equal(["gateway:share_burst is deprecated and ignored: gateway:shareBurst is set too and wins (remove gateway:share_burst)"], UnknownKeyCheck.Warnings(gateway.Configuration));
    }

    [Theory]
    [InlineData("--gateway:shareIntervalSeconds=abc", "gateway:shareIntervalSeconds = 'abc' is not a number")]
    [InlineData("--gateway:share_interval_s=abc", "gateway:shareIntervalSeconds = 'abc' is not a number")]
    [InlineData("--gateway:deviceQueueLength=0", "gateway:deviceQueueLength = '0' is invalid; allowed: a whole number from 1 to 10000")]
    [InlineData("--gateway:ledger:retentionDays=0", "gateway:ledger:retentionDays = '0' is invalid; allowed: a whole number from 1 to 36500")]
    [InlineData("--gateway:mqtt:sessionExpirySeconds=-1", "gateway:mqtt:sessionExpirySeconds = '-1' is invalid")]
    [InlineData("--gateway:jobLifetimeSeconds=0", "gateway:jobLifetimeSeconds 0 is out of range")]
    [InlineData("--gateway:overloadLagSeconds=-1", "gateway:overloadLagSeconds -1 is out of range: use 0 (off) or 0.01..3600 seconds")]
    [InlineData("--gateway:overloadLagSeconds=soon", "gateway:overloadLagSeconds = 'soon' is not a number")]
    [InlineData("--gateway:node:pollIntervalSeconds=0", null)]
    public void A_bad_value_is_named_by_its_documented_key(string setting, string? expected)
    {
        string[] overrides = expected is null ? ["--gateway:upstream=node", "--gateway:node:rpcUrl=http://127.0.0.1:9332", "--gateway:node:rpcUser=u",
            "--gateway:node:rpcPassword=p", "--gateway:node:coin=litecoin", "--gateway:node:payoutAddress=ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", $"--stateDirectory={_dir}", setting] : [$"--stateDirectory={_dir}", setting];

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => GatewaySetup.Load(Config(Gateway + "\"workers\": 2 } }"), overrides, _dir));

        Assert.Contains(expected ?? "gateway:node:pollIntervalSeconds 0 is out of range", error.Message);
        Assert.DoesNotContain("_", error.Message.Split('\n').First(l => l.StartsWith("gateway:", StringComparison.Ordinal)).Split(' ')[0]);
    }

    [Fact]
    public void The_binders_own_messages_name_keys_in_the_documented_spelling()
    {
        // The configuration binder names a path by the C# property it binds ("gateway:stratum:MaxJobs"), not as written.
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["gateway:stratum:maxjobs"] = "many" }).Build();
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("gateway:stratum").Get<StratumClientOptions>());
        Assert.Contains("'gateway:stratum:MaxJobs'", error.Message);

        string spelled = KeySpelling.InMessage(error.Message);

        Assert.Contains("'gateway:stratum:maxJobs'", spelled);
        Assert.Equal("at 'stratum:pools:0:url' and 'gateway:stratum:pools:2' but not 'some:other:Thing'",
            KeySpelling.InMessage("at 'Stratum:Pools:0:URL' and 'Gateway:Stratum:Pools:2' but not 'some:other:Thing'"));
    }

    [Fact]
    public void Every_old_spelling_maps_to_a_documented_key()
    {
        Assert.Equal(19, DeprecatedKeys.All.Count);
        Assert.All(DeprecatedKeys.All, pair =>
        {
            Assert.NotNull(KnownKeys.Find(pair.Value, out string spelling));
            Assert.Equal(pair.Value, spelling);
            Assert.Null(KnownKeys.Find(pair.Key, out _));
        });
    }

    string Config(string json)
    {
        string path = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(path, json);
        return path;
    }
}
