using System;
using System.IO;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Tests.Agent;
using IotMinerAgent.Linux.Tests.Cli;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// <c>gateway:enabled</c> is read by one reader: whether <c>iotminer run</c> starts the gateway and what
/// <see cref="GatewayOptions.Enabled"/> says can never disagree, for every spelling the readers accept.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed class GatewayEnabledTests : IDisposable
{
    const string Pool = "--gateway:stratum:pools:0:url=stratum+tcp://127.0.0.1:3333";
    const string User = "--gateway:stratum:pools:0:user=bc1qpayout.gw";

    readonly string _state = Directory.CreateTempSubdirectory("iotminer-gwenabled-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("0")]
    [InlineData(" no ")]
    [InlineData("")]
    public void A_false_spelling_keeps_the_gateway_off(string value)
    {
        AgentSetup setup = AgentSetup.Load(EmptyConfig(), [$"--gateway:enabled={value}", $"--stateDirectory={_state}"], _state);

        Assert.Null(GatewaySetup.ForAgent(setup.Configuration, setup.StateDirectory, setup.Mqtt));
        Assert.False(GatewayOptions.IsEnabled(setup.Configuration));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("on")]
    [InlineData("ON")]
    [InlineData("1")]
    public void A_true_spelling_starts_the_gateway_and_its_options_agree(string value)
    {
        AgentSetup setup = AgentSetup.Load(EmptyConfig(),
            [$"--gateway:enabled={value}", $"--stateDirectory={_state}", "--mqtt:host=127.0.0.1", Pool, User], _state);

        GatewaySetup? gateway = GatewaySetup.ForAgent(setup.Configuration, setup.StateDirectory, setup.Mqtt);

        Assert.NotNull(gateway);
        Assert.True(gateway.Gateway.Enabled);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    public void The_gateway_options_read_the_key_as_run_does(string value, bool expected)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection([new("gateway:enabled", value)]).Build();

        Assert.Equal(expected, GatewayOptions.IsEnabled(configuration));
        MqttOptions mqtt = MqttOptions.Parse(key => key == "mqtt:host" ? "127.0.0.1" : null);
        var withPool = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddCommandLine([Pool, User]).Build();

        Assert.Equal(expected, GatewayOptions.Load(withPool, _state, mqtt).Enabled);
    }

    [Fact]
    public void Run_with_an_unknown_spelling_exits_78_naming_the_key()
    {
        CliRun run = CliRun.Of("run", "--config", EmptyConfig(), $"--stateDirectory={_state}", "--consent=true", "--mqtt:enabled=false", "--gateway:enabled=maybe");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("gateway:enabled = 'maybe'", run.Error);
    }

    [Fact]
    public async Task Iotminer_run_with_the_gateway_set_to_no_mines_without_it()
    {
        // The command of the report, as a real process: it used to exit 78 asking for a gateway pool and mqtt:host.
        using AgentProcess agent = AgentProcess.Start(_state, "run", "--config", EmptyConfig(), $"--stateDirectory={_state}",
            "--consent=true", "--mqtt:enabled=false", "--gateway:enabled=no",
            "--mining:threads=1", "--governor:idleOnly=false", "--governor:noSensorDutyPercent=100", "--demo:shareDifficulty=0.0002");

        await agent.WaitUntilAsync(lines => lines.Count > 0 && agent.LinesWith(" accepted").Count > 0, "a demo share accepted");

        Assert.False(agent.HasExited, "iotminer stopped: " + agent.Output);
        Assert.Empty(agent.LinesWith("gateway:"));
        Assert.Empty(agent.LinesWith("mqtt:host"));
    }

    string EmptyConfig()
    {
        string path = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(path, "{ // everything comes from the overrides\n}");
        return path;
    }
}
