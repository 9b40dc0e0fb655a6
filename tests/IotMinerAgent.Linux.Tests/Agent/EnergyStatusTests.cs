using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Tests.Mqtt;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>`iotminer run` as a real process publishing to a real mosquitto: energy_kwh rises while it mines.</summary>
[Collection(RealMiningCollection.Name)]
public sealed class EnergyStatusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-energy-").FullName;

    [Fact]
    public async Task Energy_kwh_rises_while_mining_and_stays_within_full_power_times_uptime()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(broker.Port, ["iotminer/energy-test/status"]);
        File.WriteAllText(Path.Combine(_dir, "iotminer.json"), "{}");
        using AgentProcess agent = AgentProcess.Start(_dir, "run", "--config", Path.Combine(_dir, "iotminer.json"), $"--stateDirectory={_dir}",
            "--consent=true", "--mining:threads=1", "--governor:idleOnly=false", "--governor:noSensorDutyPercent=100",
            "--mqtt:host=127.0.0.1", $"--mqtt:port={broker.Port.ToString(CultureInfo.InvariantCulture)}", "--mqtt:deviceId=energy-test",
            "--mqtt:statusIntervalSeconds=1", "--mqtt:homeAssistant=false", "--energy:boardWatts=5", "--energy:idleWatts=1");

        Received first = await sub.WaitForAsync(m => Mining(m) && Energy(m) > 0, "a mining status with energy", seconds: 90);
        Received later = await sub.WaitForAsync(m => Mining(m) && Energy(m) > Energy(first), "a later status with more energy", since: sub.Count, seconds: 60);

        // The board never draws more than its full-load 5 W: energy ≤ 5 W × (uptime + one status period) / 3.6e6 W·s per kWh.
        double bound = 5 * (later.Json.GetProperty("uptime_s").GetInt64() + 2) / 3.6e6;
        Assert.True(Energy(later) <= bound, $"energy {Energy(later)} kWh above 5 W × uptime ({bound} kWh)");
        Assert.Equal(0, await agent.StopAsync(30));
    }

    private static bool Mining(Received status) => status.Json.GetProperty("state").GetString() is "mining" or "throttled";

    private static double Energy(Received status) =>
        status.Json.GetProperty("energy_kwh") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : -1;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
