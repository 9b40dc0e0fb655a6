using System;
using System.IO;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Tests.Duino;

/// <summary>The duino section: validated at start with the key named (exit 78), and shown in the consent plan.</summary>
public sealed class DuinoConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-duino-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AgentSetup Load(params string[] overrides)
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{}");
        return AgentSetup.Load(config, [$"--stateDirectory={_dir}", "--mining:algorithm=duco-s1", "--mining:threads=1", .. overrides], _dir);
    }

    [Theory]
    [InlineData(new string[0], "duino:username is required")]
    [InlineData(new[] { "--duino:username=a,b" }, "duino:username = 'a,b'")]
    [InlineData(new[] { "--duino:username=NAME", "--duino:pool=localhost" }, "duino:pool = 'localhost' is not host:port")]
    [InlineData(new[] { "--duino:username=NAME", "--duino:pool=host:99999" }, "duino:pool = 'host:99999'")]
    [InlineData(new[] { "--duino:username=NAME", "--duino:difficulty=HIGH" }, "duino:difficulty = 'HIGH' is not a tier: use one of AVR, ARM, ESP8266, ESP8266H, ESP32, LOW, MEDIUM, NET")]
    [InlineData(new[] { "--duino:username=NAME", "--duino:poolPickerUrl=ftp://x" }, "duino:poolPickerUrl = 'ftp://x'")]
    [InlineData(new[] { "--duino:username=NAME", "--duino:rigId=a,b" }, "duino:rigId = 'a,b'")]
    public void A_bad_value_names_the_key(string[] overrides, string message)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => Load(overrides));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_bad_mining_key_is_refused_without_repeating_it()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => Load("--duino:username=NAME", "--duino:miningKey=sec,ret"));
        Assert.Contains("duino:miningKey", error.Message);
        Assert.DoesNotContain("sec,ret", error.Message);
    }

    [Fact]
    public void The_plan_shows_the_duino_node_and_account_as_the_payout_and_consent_covers_them()
    {
        AgentSetup setup = Load("--duino:username=NAME", "--duino:pool=127.0.0.1:2811", "--duino:miningKey=s3cret");
        string plan = setup.Plan.Describe();

        Assert.Contains("algorithm      duco-s1", plan);
        Assert.Contains("pool           Duino-Coin node 127.0.0.1:2811", plan);
        Assert.Contains("payout (user)  NAME (Duino-Coin account)", plan);
        Assert.DoesNotContain("s3cret", plan + setup.Plan.ConsentKey);
        Assert.NotEqual(setup.Plan.ConsentKey, Load("--duino:username=OTHER", "--duino:pool=127.0.0.1:2811").Plan.ConsentKey);
    }

    [Fact]
    public void Without_a_pool_the_plan_names_the_node_picker()
    {
        Assert.Contains("chosen by https://server.duinocoin.com/getPool", Load("--duino:username=NAME").Plan.Describe());
    }
}
