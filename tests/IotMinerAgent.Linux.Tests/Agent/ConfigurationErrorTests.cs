using System;
using System.IO;
using IotMinerAgent.Linux.Tests.Cli;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>Each kind of bad configuration stops `iotminer run` before any hashing, with exit code 78 and a message naming the key.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-config-").FullName;

    [Theory]
    [InlineData("{ \"consent\": true, \"mining\": { \"threads\": 999 } }", "mining:threads = 999")]
    [InlineData("{ \"consent\": true, \"mining\": { \"algorithm\": \"x11\" } }", "mining:algorithm = 'x11'")]
    [InlineData("{ \"consent\": true, \"mining\": { \"engine\": \"warp9\" } }", "mining:engine = 'warp9'")]
    [InlineData("{ \"consent\": true, \"mining\": { \"threads\": \"many\" } }", "mining")]
    [InlineData("{ \"consent\": true, \"stratum\": { \"pools\": [ { \"url\": \"http://pool:80\", \"user\": \"me\" } ] } }", "stratum:pools:0:url")]
    [InlineData("{ \"consent\": true, \"stratum\": { \"pools\": [ { \"url\": \"stratum+tcp://pool:3333\" } ] } }", "stratum:pools:0:user")]
    [InlineData("{ \"consent\": true, \"governor\": { \"targetTemperatureC\": 200 } }", "targetTemperatureC")]
    [InlineData("{ \"consent\": true, \"mqtt\": { \"port\": 70000 } }", "mqtt:port")]
    [InlineData("{ \"consent\": true, \"demo\": { \"shareDifficulty\": \"-1\" } }", "demo:shareDifficulty")]
    [InlineData("{ \"consent\": true, \"energy\": { \"boardWatts\": 0 } }", "energy:boardWatts = 0")]
    [InlineData("{ \"consent\": true, \"energy\": { \"boardWatts\": \"five\" } }", "energy:boardWatts = 'five'")]
    [InlineData("{ \"consent\": true, \"energy\": { \"idleWatts\": -1 } }", "energy:idleWatts = -1")]
    [InlineData("{ \"consent\": true, \"energy\": { \"boardWatts\": 5, \"idleWatts\": 6 } }", "energy:idleWatts = 6 is above energy:boardWatts = 5")]
    [InlineData("{ \"consent\": true, \"mining\": { ", "cannot be read")]
    public void Bad_configuration_exits_78_naming_the_problem(string json, string named)
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, json);
        CliRun run = CliRun.Of("run", "--config", config, $"--stateDirectory={_dir}");
        Assert.Equal(78, run.ExitCode);
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public void A_missing_config_file_exits_78_naming_it()
    {
        string missing = Path.Combine(_dir, "nope.json");
        CliRun run = CliRun.Of("run", "--config", missing);
        Assert.Equal(78, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    [Fact]
    public void Without_consent_nothing_runs_and_the_owner_is_told_what_would_run_and_how_to_agree()
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{ \"stratum\": { \"pools\": [ { \"url\": \"stratum+tcp://pool.example:3333\", \"user\": \"bc1qpayout.rig\" } ] } }");
        CliRun run = CliRun.Of("run", "--config", config, $"--stateDirectory={_dir}");
        Assert.Equal(78, run.ExitCode);
        Assert.Contains("iotminer consent --accept", run.Error);
        Assert.Contains("stratum+tcp://pool.example:3333", run.Error);
        Assert.Contains("bc1qpayout.rig", run.Error);
        Assert.Contains("threads", run.Error);
    }

    [Fact]
    public void Consent_recorded_for_one_pool_does_not_cover_another()
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{ \"stratum\": { \"pools\": [ { \"url\": \"stratum+tcp://pool.example:3333\", \"user\": \"bc1qpayout.rig\" } ] } }");
        CliRun accept = CliRun.Of("consent", "--accept", "--config", config, $"--stateDirectory={_dir}");
        Assert.Equal(0, accept.ExitCode);
        Assert.Contains("Agreement recorded", accept.Output);
        Assert.Contains("The owner has agreed", CliRun.Of("consent", "--config", config, $"--stateDirectory={_dir}").Output);

        CliRun otherPayout = CliRun.Of("consent", "--config", config, $"--stateDirectory={_dir}", "--stratum:pools:0:user=bc1qsomeoneelse");
        Assert.Contains("Not agreed yet", otherPayout.Output);
        Assert.Equal(78, CliRun.Of("run", "--config", config, $"--stateDirectory={_dir}", "--stratum:pools:0:user=bc1qsomeoneelse").ExitCode);

        Assert.Equal(0, CliRun.Of("consent", "--revoke", "--config", config, $"--stateDirectory={_dir}").ExitCode);
        Assert.Contains("Not agreed yet", CliRun.Of("consent", "--config", config, $"--stateDirectory={_dir}").Output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
