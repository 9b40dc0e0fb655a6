using System;
using System.IO;
using System.Linq;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Service;
using IotMinerAgent.Linux.Tests.Cli;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>A key the agent does not know is a typo until proven otherwise: one warning naming the nearest documented key, or exit 78 with config:strict.</summary>
public sealed class UnknownKeyTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("iotminer-unknown-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--mining:thread=2", "mining:thread is not a known key; did you mean mining:threads?")]
    [InlineData("--governer:targetTemperatureC=60", "governer:targetTemperatureC is not a known key; did you mean governor:targetTemperatureC?")]
    [InlineData("--gateway:stratum:pools:1:usr=x", "gateway:stratum:pools:1:usr is not a known key; did you mean gateway:stratum:pools:1:user?")]
    [InlineData("--gateway:stratum:maxJob=3", "gateway:stratum:maxJob is not a known key; did you mean gateway:stratum:maxJobs?")]
    [InlineData("--mqtt:hostname=broker", "mqtt:hostname is not a known key; did you mean mqtt:host?")]
    [InlineData("--governor:threads=1", "governor:threads is not a known key; did you mean mining:threads?")]
    [InlineData("--colour=blue", "colour is not a known key; docs/configuration.md lists the keys.")]
    public void A_misspelt_key_on_the_command_line_warns_once_with_the_nearest_documented_key(string setting, string warning)
    {
        AgentSetup setup = AgentSetup.Load(Config("{}"), [$"--stateDirectory={_dir}", setting], _dir);
        Assert.Equal([warning], setup.Warnings);
    }

    [Fact]
    public void A_misspelt_key_in_the_config_file_warns_too_and_known_keys_in_any_case_do_not()
    {
        AgentSetup setup = AgentSetup.Load(Config("{ \"Mining\": { \"Threads\": 1, \"algoritm\": \"scrypt\" }, \"GOVERNOR\": { \"idleonly\": false } }"),
            [$"--stateDirectory={_dir}"], _dir);
        Assert.Equal(["Mining:algoritm is not a known key; did you mean mining:algorithm?"], setup.Warnings);
        Assert.Equal(1, setup.Mining.Threads);
    }

    [Fact]
    public void The_packaged_example_config_has_no_unknown_key()
    {
        string example = Path.Combine(_dir, "example.json");
        File.WriteAllText(example, EmbeddedFiles.ExampleConfig);
        Assert.Empty(AgentSetup.Load(example, [$"--stateDirectory={_dir}"], _dir).Warnings);
    }

    [Fact]
    public void Environment_variables_without_the_IOTMINER_prefix_are_not_read()
    {
        // Only IOTMINER__ variables are the agent's; a unique name, since the environment is shared with parallel tests
        // (a variable the loader does read would make them warn).
        string unrelated = "IOTMINERX__mining__thread" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(unrelated, "2");
        Environment.SetEnvironmentVariable("mining__" + unrelated, "2");
        try
        {
            Assert.Empty(AgentSetup.Load(Config("{}"), [$"--stateDirectory={_dir}"], _dir).Warnings);
        }
        finally
        {
            Environment.SetEnvironmentVariable(unrelated, null);
            Environment.SetEnvironmentVariable("mining__" + unrelated, null);
        }
    }

    [Fact]
    public void Strict_mode_turns_an_unknown_key_into_exit_78_through_the_real_command()
    {
        string config = Config("{ \"config\": { \"strict\": true } }");
        CliRun run = CliRun.Of("run", "--config", config, $"--stateDirectory={_dir}", "--consent=true", "--mining:thread=2");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("mining:thread is not a known key; did you mean mining:threads?", run.Error);
        Assert.Contains("config:strict is true", run.Error);
    }

    [Fact]
    public void Strict_mode_can_be_set_on_the_command_line_beside_the_config_option()
    {
        // System.CommandLine would read "--config:strict" as the --config option; it must reach the configuration.
        CliRun run = CliRun.Of("run", "--config", Config("{}"), $"--stateDirectory={_dir}", "--consent=true", "--config:strict=true", "--governer:idleOnly=false");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("did you mean governor:idleOnly?", run.Error);
    }

    [Fact]
    public void The_gateway_command_checks_unknown_keys_the_same_way()
    {
        // Strict: the typo stops it with 78 before anything connects (no broker or pool is needed to see that).
        CliRun run = CliRun.Of("gateway", "--config", Config("{}"), $"--stateDirectory={_dir}", "--config:strict=true", "--gateway:worker=2",
            "--mqtt:host=127.0.0.1", "--gateway:stratum:pools:0:url=stratum+tcp://127.0.0.1:3333", "--gateway:stratum:pools:0:user=bc1qpayout.gw");

        Assert.Equal(78, run.ExitCode);
        Assert.StartsWith("iotminer gateway: gateway:worker is not a known key; did you mean gateway:workers?", run.Error);
    }

    [Fact]
    public void Without_strict_mode_the_agent_is_not_stopped_by_an_unknown_key()
    {
        // The same typo without config:strict: the setup loads (the warning is shown by iotminer run at start).
        AgentSetup setup = AgentSetup.Load(Config("{ \"config\": { \"strict\": false } }"), [$"--stateDirectory={_dir}", "--mining:thread=2"], _dir);
        Assert.Single(setup.Warnings);
        Assert.Equal(0, setup.Mining.Threads);
    }

    string Config(string json)
    {
        string path = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(path, json);
        return path;
    }
}
