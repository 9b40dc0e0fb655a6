using System;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>Virtual ESP32s against a real mosquitto and a gateway that checks every share itself.</summary>
public sealed class FleetTests
{
    [Fact]
    public async Task Three_devices_get_jobs_find_shares_and_have_them_accepted_and_reported()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        VirtualDevice[] devices = [.. Enumerable.Range(1, 3).Select(i => VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = broker.Port, DeviceId = $"esp32-{i}" }).Start())];
        try
        {
            await Eventually.True(() => devices.All(d => d.Status.Accepted >= 3), 20,
                () => string.Join("; ", devices.Select(d => $"{d.Options.DeviceId}: {d.Status.State} ({d.Status.Reason}) accepted {d.Status.Accepted}")));
            await Eventually.True(() => devices.All(d => owner.On($"iotminer/{d.Options.DeviceId}/share").Count >= 3), 5, () => "share reports missing");

            Assert.Empty(gateway.Problems);
            await using MqttRecorder late = await MqttRecorder.StartAsync(broker.Port);
            await Eventually.True(() => devices.All(d => late.On($"iotminer/{d.Options.DeviceId}/availability").Any(m => m.Retain && m.Payload == "online")
                && late.On($"iotminer/{d.Options.DeviceId}/status").Any(m => m.Retain)), 5, () => "retained availability/status missing");
            foreach (VirtualDevice device in devices)
            {
                string id = device.Options.DeviceId;
                Assert.Contains(owner.On($"iotminer/{id}/availability"), m => m.Payload == "online");
                Seen report = owner.On($"iotminer/{id}/share")[0];
                Assert.Equal("accepted", report.Json().GetProperty("result").GetString());
                Assert.Equal(id, report.Json().GetProperty("device_id").GetString());
                uint job = Convert.ToUInt32(report.Json().GetProperty("job_id").GetString(), 16);
                uint nonce = Convert.ToUInt32(report.Json().GetProperty("nonce").GetString(), 16);
                Assert.Contains(gateway.Shares, s => s.DeviceId == id && s.JobId == job && s.Nonce == nonce && s.Verdict == DeviceVerdictCode.Accepted);

                var status = owner.On($"iotminer/{id}/status").Last().Json();
                Assert.Equal(1, status.GetProperty("v").GetInt32());
                Assert.Contains(status.GetProperty("state").GetString(), new[] { "mining", "throttled", "no-work" });
                Assert.Equal("sha256d", status.GetProperty("algo").GetString());
                Assert.Equal("scalar", status.GetProperty("engine").GetString());
                Assert.True(status.GetProperty("temperature_c").GetDouble() > 30);
                Assert.True(device.Status.HashRateTenths > 0);
            }
        }
        finally
        {
            foreach (VirtualDevice device in devices)
            {
                device.Dispose();
            }
        }

        await Eventually.True(() => devices.All(d => owner.On($"iotminer/{d.Options.DeviceId}/availability").Last().Payload == "offline"), 5, () => "offline missing after Stop");
    }

    [Fact]
    public async Task A_device_that_heats_up_throttles_and_says_why()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-hot",
            AmbientC = 40,
            PolicyJson = "\"targetTemperatureC\": 70, \"hardLimitC\": 85, \"minDutyPercent\": 5",
        }).Start();

        await Eventually.True(() => device.Status.DutyPercent >= 15 && device.Status.Accepted > 0, 15, () => $"{device.Status.State}: {device.Status.Reason}, duty {device.Status.DutyPercent}");
        int dutyWhenCool = device.Status.DutyPercent;

        device.Thermal.AmbientC = 78;
        await Eventually.True(() => device.Status.State == "throttled" && device.Status.DutyPercent < dutyWhenCool && device.Status.Reason.Contains("> target 70 °C"), 15,
            () => $"{device.Status.State}: {device.Status.Reason}, duty {device.Status.DutyPercent}, {device.Thermal.Celsius:F1} °C");

        Assert.True(device.Status.TemperatureMilliC > 70000);
        // The owner sees the same on the broker: a status that names the temperature and the target, at a lower duty.
        await Eventually.True(() => owner.On("iotminer/esp32-hot/status").Any(s => IsHotAndThrottled(s, dutyWhenCool)), 5, () => "no throttled status on the broker");
    }

    static bool IsHotAndThrottled(Seen status, int dutyWhenCool)
    {
        var json = status.Json();
        return json.GetProperty("state").GetString() == "throttled" && json.GetProperty("reason").GetString()!.Contains("> target 70 °C")
            && json.GetProperty("temperature_c").GetDouble() > 70 && json.GetProperty("duty_percent").GetDouble() < dutyWhenCool;
    }

    [Fact]
    public async Task Shares_found_while_wifi_and_broker_are_down_reach_the_gateway_afterwards()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-flaky",
            MiningJson = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 16, \"outboxCapacity\": 512",
        }).Start();
        await Eventually.True(() => device.Status.Accepted >= 2, 15, () => $"{device.Status.State}: {device.Status.Reason}");

        device.Wifi.Drop();
        int foundBefore = device.Status.SharesFound;
        await Eventually.True(() => device.Status.SharesFound >= foundBefore + 5, 10, () => $"found {device.Status.SharesFound} while Wi-Fi is down");
        Assert.False(device.Status.MqttConnected);
        device.Wifi.Restore();
        await Eventually.True(() => device.Status.MqttConnected, 10, () => "no reconnect after Wi-Fi came back");

        await broker.StopAsync();
        foundBefore = device.Status.SharesFound;
        await Eventually.True(() => device.Status.SharesFound >= foundBefore + 5, 10, () => $"found {device.Status.SharesFound} while the broker is down");
        await broker.StartAgainAsync();

        await Eventually.True(() => device.Status.MqttConnected, 10, () => "no reconnect after the broker came back");

        // Stop finding new shares (withdrawn consent), then everything found must drain: judged and reported.
        device.Miner.SetConsent(false);
        await Eventually.True(() => device.Status.OutboxCount == 0, 20, () => $"outbox still holds {device.Status.OutboxCount}");
        int found = device.Status.SharesFound;
        await Eventually.True(() => gateway.DistinctShares("esp32-flaky").Count == found, 10,
            () => $"device found {found}, gateway received {gateway.DistinctShares("esp32-flaky").Count} distinct");
        Assert.Equal(0, device.Status.SharesDropped);
        Assert.Empty(gateway.Problems);
        // Shares sent before a cut are sent again (their verdict may be lost): the gateway accepts each exactly once.
        Assert.Equal(found, gateway.Shares.Count(s => s.DeviceId == "esp32-flaky" && s.Verdict == DeviceVerdictCode.Accepted));
        Assert.Equal(0, device.Status.Rejected);
    }

    [Fact]
    public async Task A_job_ends_with_its_lifetime_counted_from_receipt_and_the_device_asks_for_the_next()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        // A range far larger than the device can scan in a second: only the 1 s lifetime can end each job.
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 24, lifetimeSeconds: 1);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = broker.Port, DeviceId = "esp32-short" }).Start();

        await Eventually.True(() => gateway.WorkRequests.Count >= 4, 10, () => $"{gateway.WorkRequests.Count} work requests");
        await Eventually.True(() => gateway.Shares.Select(s => s.JobId).Distinct().Count() >= 2, 10, () => "shares from one job only");

        Assert.Empty(gateway.Problems);
        // Each job starts at nonce 0 and the device hashes 1000 H/s: a job dropped after 1 s never yields a nonce
        // much past 1000 (the slack covers the 200 ms control tick and the slice in flight).
        Assert.All(gateway.Shares, s => Assert.InRange(s.Nonce, 0u, 1600u));
    }

    [Fact]
    public async Task A_full_outbox_is_announced_never_silent()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-small",
            MiningJson = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 16, \"outboxCapacity\": 2",
        }).Start();
        await Eventually.True(() => device.Status.Accepted >= 1, 15, () => $"{device.Status.State}: {device.Status.Reason}");

        device.Wifi.Drop();
        await Eventually.True(() => device.Status.SharesDropped >= 1, 10, () => $"outbox {device.Status.OutboxCount}, dropped {device.Status.SharesDropped}");
        device.Wifi.Restore();

        await Eventually.True(() => owner.On("iotminer/esp32-small/event").Any(e => e.Json().GetProperty("type").GetString() == "outbox_full"), 10, () => "no outbox_full event");
        Seen notice = owner.On("iotminer/esp32-small/event").First(e => e.Json().GetProperty("type").GetString() == "outbox_full");
        Assert.Contains("dropped", notice.Json().GetProperty("error").GetString());
        await Eventually.True(() => owner.On("iotminer/esp32-small/status").Any(s => s.Json().GetProperty("shares_dropped").GetInt32() >= 1), 5, () => "status does not count drops");
    }
}
