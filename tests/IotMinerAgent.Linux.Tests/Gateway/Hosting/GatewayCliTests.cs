using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Tests.Cli;
using IotMinerAgent.Linux.Tests.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// The real entry points: <c>iotminer gateway</c> and <c>iotminer run</c> with <c>gateway:enabled</c>. Bad settings
/// stop them with exit code 78 naming the key before anything connects; good ones serve devices and report status.
/// </summary>
public sealed class GatewayCliTests : IDisposable
{
    const string Pool = "--gateway:stratum:pools:0:url=stratum+tcp://127.0.0.1:3333";
    const string User = "--gateway:stratum:pools:0:user=bc1qpayout.gw";
    const string Host = "--mqtt:host=127.0.0.1";

    readonly string _state = Directory.CreateTempSubdirectory("iotminer-gwcli-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Theory]
    [InlineData("gateway:instance = '256'", "--gateway:instance=256", Host, Pool, User)]
    [InlineData("gateway:group = 'a/b'", "--gateway:group=a/b", Host, Pool, User)]
    [InlineData("gateway:upstream = 'bitcoind'", "--gateway:upstream=bitcoind", Host, Pool, User)]
    [InlineData("gateway:algorithm = 'x11'", "--gateway:algorithm=x11", Host, Pool, User)]
    [InlineData("gateway:stratum:pools is empty", Host)]
    [InlineData("gateway:stratum:pools:0:user", Host, Pool)]
    [InlineData("mqtt:host is empty", Pool, User)]
    [InlineData("mqtt:protocol = 3.1.1", "--mqtt:protocol=3.1.1", Host, Pool, User)]
    [InlineData("gateway:shareIntervalSeconds", "--gateway:shareIntervalSeconds=0", Host, Pool, User)]
    [InlineData("gateway:maxDifficulty", "--gateway:minDifficulty=1", "--gateway:maxDifficulty=0.5", Host, Pool, User)]
    [InlineData("gateway:workers = '0'", "--gateway:workers=0", Host, Pool, User)]
    [InlineData("gateway:deviceQueueLength = 'lots'", "--gateway:deviceQueueLength=lots", Host, Pool, User)]
    [InlineData("gateway:jobLifetimeSeconds", "--gateway:jobLifetimeSeconds=0", Host, Pool, User)]
    [InlineData("gateway:node:rpcUrl", "--gateway:upstream=node", Host)]
    [InlineData("gateway:node:payoutAddress", "--gateway:upstream=node", "--gateway:node:rpcUrl=http://127.0.0.1:19443", "--gateway:node:rpcUser=u",
        "--gateway:node:rpcPassword=p", "--gateway:node:coin=litecoin", "--gateway:node:payoutAddress=bc1qwrongcoin", Host)]
    public void A_bad_gateway_setting_exits_78_naming_the_key(string named, params string[] settings)
    {
        CliRun run = CliRun.Of(["gateway", "--config", EmptyConfig(), $"--stateDirectory={_state}", .. settings]);

        Assert.Equal(78, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.StartsWith("iotminer gateway: ", run.Error);
    }

    [Fact]
    public void Run_with_the_gateway_enabled_checks_the_gateway_settings_too()
    {
        CliRun run = CliRun.Of("run", "--config", EmptyConfig(), $"--stateDirectory={_state}", "--consent=true", "--gateway:enabled=true", Pool, User);

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("mqtt:host is empty", run.Error);
    }

    [Fact]
    public void Run_without_the_gateway_ignores_its_section()
    {
        AgentSetup setup = AgentSetup.Load(EmptyConfig(), ["--gateway:instance=999", $"--stateDirectory={_state}"], _state);
        Assert.Null(GatewaySetup.ForAgent(setup.Configuration, setup.StateDirectory, setup.Mqtt));
    }

    [Fact]
    public async Task Iotminer_gateway_serves_devices_and_reports_its_status_and_availability()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 1e-9 });
        await using TestSubscriber watch = await TestSubscriber.ConnectAsync(broker.Port, ["iotminer/gateway/3/status", "iotminer/gateway/3/availability"]);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = new StringWriter();
        Task<int> gateway = GatewayHost.RunAsync(EmptyConfig(),
            [$"--stateDirectory={_state}", "--mqtt:host=127.0.0.1", $"--mqtt:port={broker.Port}", "--mqtt:statusIntervalSeconds=1",
             "--gateway:instance=3", $"--gateway:stratum:pools:0:url={pool.Url}", "--gateway:stratum:pools:0:user=bc1qpayout.gw3",
             "--gateway:minDifficulty=0.0000001", "--gateway:maxDifficulty=0.000001"], error, stop.Token);

        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", broker.Port, "cli-dev");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (device.Jobs.Count == 0 && !gateway.IsCompleted && DateTime.UtcNow < deadline)
        {
            await device.RequestWorkAsync();
            await Task.Delay(250);
        }

        Assert.False(gateway.IsCompleted, "the gateway stopped: " + error);
        DeviceJob job = await device.WaitForJobAsync();
        Assert.Equal(3u, job.JobId >> 24);
        uint nonce = SimulatedDevice.FindNonces(job, 1)[0];
        await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
        Assert.True((await device.WaitForVerdictAsync(job.JobId, nonce)).IsAccepted);

        Received status = await watch.WaitForAsync(m => m.Topic.EndsWith("status") && m.Json.GetProperty("verdicts").GetProperty("block_found").GetInt64() == 1, "status counting the share");
        Assert.Equal(3, status.Json.GetProperty("instance").GetInt32());
        Assert.Equal(1, status.Json.GetProperty("devices").GetInt32());
        Assert.Equal("working", status.Json.GetProperty("upstream_state").GetString());
        Assert.Equal(pool.Url, status.Json.GetProperty("upstream").GetString());

        stop.Cancel();
        Assert.Equal(0, await gateway);
        await watch.WaitForAsync(m => m.Topic.EndsWith("availability") && m.Payload == "offline", "offline after the stop");
        Assert.True(File.Exists(Path.Combine(_state, "gateway-ledger.db")));
    }

    [Fact]
    public async Task Iotminer_run_with_the_gateway_enabled_mines_and_serves_devices_in_one_process()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestPool minerPool = TestPool.Start(new TestPoolOptions { Difficulty = 0.0002 });
        await using TestPool gatewayPool = TestPool.Start(new TestPoolOptions { Difficulty = 1e-9 });
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new StringWriter();
        var error = new StringWriter();
        Task<int> agent = AgentHost.RunAsync(EmptyConfig(),
            ["--consent=true", $"--stateDirectory={_state}", "--mining:threads=1", "--governor:idleOnly=false", "--governor:noSensorDutyPercent=100",
             $"--stratum:pools:0:url={minerPool.Url}", "--stratum:pools:0:user=bc1qminer.rig1",
             "--mqtt:host=127.0.0.1", $"--mqtt:port={broker.Port}", "--mqtt:deviceId=combined", "--gateway:enabled=true",
             $"--gateway:stratum:pools:0:url={gatewayPool.Url}", "--gateway:stratum:pools:0:user=bc1qgateway.gw0",
             "--gateway:minDifficulty=0.0000001", "--gateway:maxDifficulty=0.000001"], output, error, stop.Token);

        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", broker.Port, "esp-beside");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (device.Jobs.Count == 0 && !agent.IsCompleted && DateTime.UtcNow < deadline)
        {
            await device.RequestWorkAsync();
            await Task.Delay(250);
        }

        Assert.False(agent.IsCompleted, "the agent stopped: " + error);
        await GatewayEndToEndTests.MineAsync(device, 2);
        await minerPool.WaitUntilAsync(() => minerPool.Accepted.Count >= 1, "the miner's own share");
        await gatewayPool.WaitUntilAsync(() => gatewayPool.Accepted.Count >= 2, "the device's shares");

        stop.Cancel();
        Assert.Equal(0, await agent);
        Assert.All(gatewayPool.Submissions, s => Assert.Equal("bc1qgateway.gw0", s.User));
        Assert.All(minerPool.Submissions, s => Assert.Equal("bc1qminer.rig1", s.User));
    }

    string EmptyConfig()
    {
        string path = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(path, "{ // everything comes from the overrides\n}");
        return path;
    }
}
