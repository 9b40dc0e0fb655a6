using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>Consent, owner commands and the watchdog on a virtual ESP32 with a real broker.</summary>
public sealed class OwnerControlTests
{
    [Fact]
    public async Task Without_consent_nothing_is_hashed_and_the_status_says_so()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = broker.Port, DeviceId = "esp32-noconsent", Consent = false }).Start();

        await Eventually.True(() => owner.On("iotminer/esp32-noconsent/status").Count >= 2, 10, () => "no status");
        var status = owner.On("iotminer/esp32-noconsent/status").Last().Json();
        Assert.Equal("paused", status.GetProperty("state").GetString());
        Assert.Contains("consent", status.GetProperty("reason").GetString());
        Assert.False(status.GetProperty("consent").GetBoolean());
        Assert.Equal(0, device.Cpu.TotalHashed);
        Assert.Empty(gateway.WorkRequests);

        device.Miner.SetConsent(true);
        await Eventually.True(() => device.Status.Accepted >= 1, 15, () => $"{device.Status.State}: {device.Status.Reason}");
    }

    [Fact]
    public async Task Pause_and_resume_commands_stop_and_restart_hashing_and_payout_commands_are_refused()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = broker.Port, DeviceId = "esp32-cmd" }).Start();
        await Eventually.True(() => device.Cpu.TotalHashed > 0, 10, () => $"{device.Status.State}: {device.Status.Reason}");

        await owner.CommandAsync("esp32-cmd", "pause", "{\"request_id\": \"r-1\"}");
        await Eventually.True(() => device.Status.State == "paused", 5, () => device.Status.State);
        Assert.Equal("paused: by command", device.Status.Reason);
        long hashed = device.Cpu.TotalHashed;
        await Task.Delay(600);
        Assert.InRange(device.Cpu.TotalHashed - hashed, 0, 16);

        await owner.CommandAsync("esp32-cmd", "pool", "stratum+tcp://evil.example:3333");
        await owner.CommandAsync("esp32-cmd", "max_duty", "150");
        await owner.CommandAsync("esp32-cmd", "resume", "");
        await Eventually.True(() => device.Cpu.TotalHashed > hashed + 100, 10, () => $"{device.Status.State}: {device.Status.Reason}");

        await Eventually.True(() => owner.On("iotminer/esp32-cmd/event").Count >= 4, 5, () => "events missing");
        var events = owner.On("iotminer/esp32-cmd/event").Select(e => e.Json()).ToList();
        Assert.Contains(events, e => e.GetProperty("command").GetString() == "pause" && e.GetProperty("ok").GetBoolean() && e.GetProperty("request_id").GetString() == "r-1");
        Assert.Contains(events, e => e.GetProperty("command").GetString() == "pool" && !e.GetProperty("ok").GetBoolean() && e.GetProperty("error").GetString()!.Contains("never"));
        Assert.Contains(events, e => e.GetProperty("command").GetString() == "max_duty" && e.GetProperty("error").GetString()!.Contains("1 to 100"));
        Assert.Contains(events, e => e.GetProperty("command").GetString() == "resume" && e.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_stalled_mining_loop_is_restarted_by_the_watchdog()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-stall",
            MiningJson = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 16, \"watchdogSeconds\": 1",
        }).Start();
        await Eventually.True(() => device.Status.Accepted >= 1, 15, () => $"{device.Status.State}: {device.Status.Reason}");

        device.Cpu.StallNextSlice();
        await Eventually.True(() => device.Status.LoopRestarts == 1, 10, () => $"restarts {device.Status.LoopRestarts}");
        int accepted = device.Status.Accepted;
        await Eventually.True(() => device.Status.Accepted > accepted + 2, 15, () => "no shares after the restart");

        await Eventually.True(() => owner.On("iotminer/esp32-stall/event").Any(e => e.Json().GetProperty("type").GetString() == "watchdog"), 5, () => "no watchdog event");
        Assert.Empty(device.Restart.Reasons);
        device.Cpu.Release();
    }
}
