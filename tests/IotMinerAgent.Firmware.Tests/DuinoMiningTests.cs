using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.DuinoTestPool;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// Virtual ESP32s in Duino mode mine straight from the in-process Duino pool (which speaks the protocol byte for byte
/// and checks every result with SHA-1), through Wi-Fi loss, tier moves and bans, and report over MQTT when a broker is set.
/// </summary>
public sealed class DuinoMiningTests
{
    // Jobs of difficulty 5 (nonces 0..500) keep each round trip to milliseconds at the simulated 50 kH/s.
    const uint SmallDifficulty = 5;

    static VirtualDevice Device(DuinoPool pool, string id, bool withBroker = false, int brokerPort = 1883, string extra = "", double ambientC = 35, bool consent = true) =>
        VirtualDevice.Create(new VirtualEsp32Options
        {
            DeviceId = id,
            AmbientC = ambientC,
            Consent = consent,
            HashesPerSecond = 50000,
            WithBroker = withBroker,
            BrokerPort = brokerPort,
            DuinoJson = $"\"username\": \"alice\", \"pool\": \"{pool.Endpoint}\"{extra}",
            MiningJson = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 100",
        });

    [Fact]
    public async Task Virtual_esp32s_without_a_broker_get_good_answers_the_pool_verified()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty });
        using VirtualDevice first = Device(pool, "esp32-duco-1").Start();
        using VirtualDevice second = Device(pool, "esp32-duco-2", extra: ", \"rigId\": \"shed\"").Start();

        await Eventually.True(() => first.Status.Accepted >= 3 && second.Status.Accepted >= 3, 60,
            () => $"accepted {first.Status.Accepted}/{second.Status.Accepted}; {first.Status.State}: {first.Status.Reason}; pool errors: {string.Join("; ", pool.ProtocolErrors)}");

        Assert.Empty(pool.ProtocolErrors);
        Assert.All(pool.Results, r => Assert.True(r.Correct && r.Answer == "GOOD", $"{r.NonceText} for {r.LastHash}: {r.Answer}"));
        Assert.Contains(pool.Results, r => r.RigId == "esp32-duco-1" && r.ChipField == "DUCOID" + VirtualDevice.ChipIdOf("esp32-duco-1"));
        Assert.Contains(pool.Results, r => r.RigId == "shed" && r.ChipField == "DUCOID" + VirtualDevice.ChipIdOf("esp32-duco-2"));
        Assert.All(pool.Results, r => Assert.Equal(("alice", "ESP32"), (r.User, r.Tier)));
        Assert.All(pool.Results, r => Assert.StartsWith("IotMinerAgent ESP32 ", r.MinerName, StringComparison.Ordinal));

        // The job request carries the chip temperature in the pool's IoT format: JOB,alice,ESP32,None,Temp:<t>*C.
        string job = pool.ReceivedLines.Select(l => l.Line).First(l => l.StartsWith("JOB,", StringComparison.Ordinal));
        Assert.Matches(@"^JOB,alice,ESP32,None,Temp:\d+\.\d\*C$", job);

        // The reported rate is the measured one, never above what the board can hash (50 kH/s simulated).
        Assert.All(pool.Results, r => Assert.InRange(double.Parse(r.ReportedHashrate, CultureInfo.InvariantCulture), 0.01, 50000));
        Assert.Equal(("duco-s1", pool.Endpoint), (first.Status.Algorithm, first.Status.Pool));
        Assert.Equal(0, first.Status.Rejected);
    }

    [Fact]
    public async Task Mining_survives_wifi_loss_and_reconnects_to_the_pool()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty });
        using VirtualDevice device = Device(pool, "esp32-duco-wifi").Start();
        await Eventually.True(() => device.Status.Accepted >= 2, 60, () => $"{device.Status.State}: {device.Status.Reason}");

        device.Wifi.Drop();
        await Eventually.True(() => pool.OpenConnections == 0, 30, () => $"pool still has {pool.OpenConnections} connections");
        await Eventually.True(() => device.Status is { State: "no-work", WifiConnected: false } s && s.Reason.Contains("retrying in", StringComparison.Ordinal), 30,
            () => $"{device.Status.State}: {device.Status.Reason}");
        int acceptedWhileDown = device.Status.Accepted;

        device.Wifi.Restore();
        await Eventually.True(() => device.Status.Accepted >= acceptedWhileDown + 2, 90, () => $"{device.Status.State}: {device.Status.Reason}");

        Assert.True(pool.ConnectionsAccepted >= 2, "the board must have connected again");
        Assert.True(device.PoolLink.Connects >= 2);
        Assert.All(pool.Good, r => Assert.True(r.Correct));
    }

    [Fact]
    public async Task A_too_low_starting_difficulty_moves_the_board_one_tier_up()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty, RequiredTier = "LOW" });
        using VirtualDevice device = Device(pool, "esp32-duco-tier").Start();

        await Eventually.True(() => device.Status.Accepted >= 1, 60, () => $"{device.Status.State}: {device.Status.Reason}, tier {device.Status.DuinoTier}");

        Assert.Equal("LOW", device.Status.DuinoTier);
        Assert.Equal(1, device.Status.Rejected);
        Assert.Equal("BAD,Too low starting difficulty", pool.Results[0].Answer);
        Assert.All(pool.Results.Skip(1), r => Assert.Equal(("LOW", "GOOD"), (r.Tier, r.Answer)));
    }

    [Fact]
    public async Task A_ban_stops_mining_with_the_reason_and_no_reconnect_storm()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty, BanReason = "User banned" });
        using VirtualDevice device = Device(pool, "esp32-duco-banned").Start();

        await Eventually.True(() => device.Status.State == "error", 30, () => $"{device.Status.State}: {device.Status.Reason}");
        Assert.Contains("\"User banned\"", device.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(0, device.Status.DutyPercent);

        // Several of the official miners' first backoffs (1, 2, 4 s) later, still the one connection and no new request.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, pool.ConnectionsAccepted);
        Assert.Single(pool.ReceivedLines, l => l.Line.StartsWith("JOB,", StringComparison.Ordinal));
        Assert.Equal("error", device.Status.State);
    }

    [Fact]
    public async Task A_pool_that_refuses_every_job_is_asked_again_only_after_a_growing_pause()
    {
        // Not a ban: "Invalid data" leaves mining on, but the official miners' backoff (1, 2, 4 … s) spaces the requests.
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty, BanReason = "Invalid data" });
        using VirtualDevice device = Device(pool, "esp32-duco-refused").Start();

        await Eventually.True(() => device.Status.Reason.Contains("refused a job request", StringComparison.Ordinal), 30,
            () => $"{device.Status.State}: {device.Status.Reason}");
        await Task.Delay(TimeSpan.FromSeconds(4));

        int requests = pool.ReceivedLines.Count(l => l.Line.StartsWith("JOB,", StringComparison.Ordinal));
        Assert.InRange(requests, 1, 5);
        Assert.Equal("no-work", device.Status.State);
    }

    [Fact]
    public async Task The_governor_throttles_duino_mining_as_it_does_gateway_mining()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty });
        using VirtualDevice device = Device(pool, "esp32-duco-hot", ambientC: 40).Start();
        await Eventually.True(() => device.Status.Accepted >= 2 && device.Status.DutyPercent >= 15, 60,
            () => $"{device.Status.State}: {device.Status.Reason}, duty {device.Status.DutyPercent}");
        int dutyWhenCool = device.Status.DutyPercent;

        device.Thermal.AmbientC = 78;
        await Eventually.True(() => device.Status.State == "throttled" && device.Status.DutyPercent < dutyWhenCool && device.Status.Reason.Contains("> target 70 °C"), 30,
            () => $"{device.Status.State}: {device.Status.Reason}, duty {device.Status.DutyPercent}, {device.Thermal.Celsius:F1} °C");
        int accepted = device.Status.Accepted;

        // Throttled, not stopped: the pool keeps getting verified results, and the IoT field reports the heat.
        await Eventually.True(() => device.Status.Accepted > accepted, 60, () => $"{device.Status.State}: {device.Status.Reason}");
        Assert.Contains(pool.ReceivedLines, l => l.Line.StartsWith("JOB,", StringComparison.Ordinal)
            && double.Parse(l.Line[(l.Line.IndexOf("Temp:", StringComparison.Ordinal) + 5)..^2], CultureInfo.InvariantCulture) > 70);
    }

    [Fact]
    public async Task Without_consent_the_board_never_contacts_the_pool()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty });
        using VirtualDevice device = Device(pool, "esp32-duco-no", consent: false).Start();

        await Eventually.True(() => device.Status.State == "paused" && device.Status.Reason.Contains("no owner consent", StringComparison.Ordinal), 10,
            () => $"{device.Status.State}: {device.Status.Reason}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, pool.ConnectionsAccepted);

        device.Miner.SetConsent(true);
        await Eventually.True(() => device.Status.Accepted >= 1, 60, () => $"{device.Status.State}: {device.Status.Reason}");
    }

    [Fact]
    public async Task With_a_broker_the_same_mqtt_status_shows_the_pool_and_the_pools_verdicts()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = SmallDifficulty, WrongResultAnswers = 1 });
        using VirtualDevice device = Device(pool, "esp32-duco-mqtt", withBroker: true, brokerPort: broker.Port).Start();

        await Eventually.True(() => owner.On("iotminer/esp32-duco-mqtt/status").Any(s => HasVerdicts(s, pool)), 60,
            () => owner.On("iotminer/esp32-duco-mqtt/status").LastOrDefault()?.Payload ?? "no status");

        // The pool's one "Incorrect result" (for a result its own SHA-1 found right) is announced with the job.
        await Eventually.True(() => owner.On("iotminer/esp32-duco-mqtt/event").Any(e => e.Payload.Contains("Incorrect result", StringComparison.Ordinal)), 10,
            () => string.Join("\n", owner.On("iotminer/esp32-duco-mqtt/event").Select(e => e.Payload)));
    }

    static bool HasVerdicts(Seen status, DuinoPool pool)
    {
        var json = status.Json();
        return json.GetProperty("algo").GetString() == "duco-s1" && json.GetProperty("pool").GetString() == pool.Endpoint && json.GetProperty("tier").GetString() == "ESP32"
            && json.GetProperty("accepted").GetInt32() >= 2 && json.GetProperty("rejected").GetInt32() == 1;
    }
}
