using System;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class ContractMessageTests
{
    static readonly DateTimeOffset s_time = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    internal static readonly string[] StatusKeys =
    [
        "v", "device_id", "time", "state", "reason", "mining_enabled", "hashrate_hs", "algo", "engine", "threads", "max_threads",
        "duty_percent", "max_duty_percent", "target_temperature_c", "temperature_c", "accepted", "rejected", "stale",
        "best_difficulty", "pool", "tier", "uptime_s", "version", "energy_kwh", "energy_cost",
    ];

    internal static readonly string[] ShareKeys =
    [
        "v", "id", "device_id", "found_at", "algo", "pool", "job_id", "nonce", "extranonce2", "ntime", "version_bits",
        "difficulty", "pool_difficulty", "hash", "result", "reject_reason",
    ];

    internal static readonly string[] EventKeys = ["v", "device_id", "time", "type", "command", "ok", "error", "value", "request_id"];

    [Fact]
    public void Status_has_every_contract_field_with_its_wire_name_and_value()
    {
        AgentStatus status = new FakeAgent().GetStatus() with { State = AgentState.NoWork, Reason = "pool unreachable", EnergyKwh = 0.0425, EnergyCost = 0.0174 };

        JsonElement json = Serialize(StatusMessage.From(status, "pi-garage", s_time));

        Assert.Equal(StatusKeys.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(MqttContract.Version, json.GetProperty("v").GetInt32());
        Assert.Equal("pi-garage", json.GetProperty("device_id").GetString());
        Assert.Equal(s_time, json.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("no-work", json.GetProperty("state").GetString());
        Assert.Equal("pool unreachable", json.GetProperty("reason").GetString());
        Assert.True(json.GetProperty("mining_enabled").GetBoolean());
        Assert.Equal(1_234_567.5, json.GetProperty("hashrate_hs").GetDouble());
        Assert.Equal("sha256d", json.GetProperty("algo").GetString());
        Assert.Equal("avx2", json.GetProperty("engine").GetString());
        Assert.Equal(2, json.GetProperty("threads").GetInt32());
        Assert.Equal(4, json.GetProperty("max_threads").GetInt32());
        Assert.Equal(87.5, json.GetProperty("duty_percent").GetDouble());
        Assert.Equal(100, json.GetProperty("max_duty_percent").GetInt32());
        Assert.Equal(65, json.GetProperty("target_temperature_c").GetDouble());
        Assert.Equal(51.25, json.GetProperty("temperature_c").GetDouble());
        Assert.Equal(12, json.GetProperty("accepted").GetInt64());
        Assert.Equal(1, json.GetProperty("rejected").GetInt64());
        Assert.Equal(2, json.GetProperty("stale").GetInt64());
        Assert.Equal(4096.5, json.GetProperty("best_difficulty").GetDouble());
        Assert.Equal("stratum+tcp://pool.example:3333", json.GetProperty("pool").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("tier").ValueKind);
        Assert.Equal(3600, json.GetProperty("uptime_s").GetInt64());
        Assert.Equal("0.1.0-test", json.GetProperty("version").GetString());
        Assert.Equal(0.0425, json.GetProperty("energy_kwh").GetDouble());
        Assert.Equal(0.0174, json.GetProperty("energy_cost").GetDouble());
    }

    [Fact]
    public void Energy_is_null_when_the_boards_power_is_unknown()
    {
        JsonElement json = Serialize(StatusMessage.From(new FakeAgent().GetStatus() with { EnergyKwh = null }, "pi-garage", s_time));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("energy_kwh").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("energy_cost").ValueKind);
    }

    [Theory]
    [InlineData(AgentState.Mining, "mining")]
    [InlineData(AgentState.Throttled, "throttled")]
    [InlineData(AgentState.Paused, "paused")]
    [InlineData(AgentState.NoWork, "no-work")]
    [InlineData(AgentState.Error, "error")]
    public void Every_state_has_its_contract_name(AgentState state, string wire)
    {
        AgentStatus status = new FakeAgent().GetStatus() with { State = state };

        JsonElement json = Serialize(StatusMessage.From(status, "d", s_time));

        Assert.Equal(wire, json.GetProperty("state").GetString());
        Assert.Equal(state, JsonSerializer.Deserialize(json.GetRawText(), MqttJsonContext.Default.StatusMessage)!.State);
    }

    [Fact]
    public void Status_without_sensor_publishes_null_temperature_and_survives_non_finite_readings()
    {
        AgentStatus status = new FakeAgent().GetStatus() with { TemperatureC = null, HashrateHs = double.NaN, DutyPercent = double.PositiveInfinity };

        JsonElement json = Serialize(StatusMessage.From(status, "d", s_time));

        Assert.Equal(JsonValueKind.Null, json.GetProperty("temperature_c").ValueKind);
        Assert.Equal(0, json.GetProperty("hashrate_hs").GetDouble());
        Assert.Equal(0, json.GetProperty("duty_percent").GetDouble());
    }

    [Fact]
    public void Share_round_trips_field_by_field()
    {
        var share = new ShareMessage
        {
            Id = ShareMessage.NewId(),
            DeviceId = "pi-garage",
            FoundAt = s_time,
            Algo = "sha256d",
            Pool = "stratum+tcp://pool.example:3333",
            JobId = "4f2a",
            Nonce = "1dac2b7c",
            Extranonce2 = "00000002",
            Ntime = "504e86ed",
            VersionBits = "1fffe000",
            Difficulty = 683.25,
            PoolDifficulty = 512,
            Hash = "00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d",
            Result = ShareVerdict.Rejected,
            RejectReason = "duplicate share",
        };

        JsonElement json = Serialize(share);
        ShareMessage back = JsonSerializer.Deserialize(json.GetRawText(), MqttJsonContext.Default.ShareMessage)!;

        Assert.Equal(ShareKeys.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(share, back);
        Assert.Equal("rejected", json.GetProperty("result").GetString());
        Assert.Equal("1dac2b7c", json.GetProperty("nonce").GetString());
        Assert.Equal("1fffe000", json.GetProperty("version_bits").GetString());
        Assert.Equal(683.25, json.GetProperty("difficulty").GetDouble());
        Assert.Equal(s_time, json.GetProperty("found_at").GetDateTimeOffset());
    }

    [Fact]
    public void Share_ids_are_unique_and_time_ordered_uuids()
    {
        string[] ids = Enumerable.Range(0, 1000).Select(_ => ShareMessage.NewId()).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, Guid.Parse(id).Version));
    }

    [Fact]
    public void Event_round_trips_field_by_field()
    {
        var answer = new EventMessage { DeviceId = "d", Time = s_time, Command = "threads", Ok = false, Error = "threads = 9 is out of range", RequestId = "r-1" };

        JsonElement json = Serialize(answer);

        Assert.Equal(EventKeys.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("command", json.GetProperty("type").GetString());
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("value").ValueKind);
        Assert.Equal(answer, JsonSerializer.Deserialize(json.GetRawText(), MqttJsonContext.Default.EventMessage));
    }

    [Fact]
    public void Topics_follow_the_contract()
    {
        var topics = new MqttTopics("pi-garage");

        Assert.Equal("iotminer/pi-garage/availability", topics.Availability);
        Assert.Equal("iotminer/pi-garage/status", topics.Status);
        Assert.Equal("iotminer/pi-garage/share", topics.Share);
        Assert.Equal("iotminer/pi-garage/event", topics.Event);
        Assert.Equal("iotminer/pi-garage/cmd/#", topics.CommandFilter);
        Assert.Equal("threads", topics.CommandNameOf("iotminer/pi-garage/cmd/threads"));
        Assert.Null(topics.CommandNameOf("iotminer/other/cmd/threads"));
        Assert.Equal("homeassistant/device/pi-garage/config", topics.HomeAssistantDiscovery);
        Assert.Equal("homeassistant/status", topics.HomeAssistantStatus);
    }

    static JsonElement Serialize(StatusMessage message) =>
        JsonDocument.Parse(JsonSerializer.Serialize(message, MqttJsonContext.Default.StatusMessage)).RootElement.Clone();

    static JsonElement Serialize(ShareMessage message) =>
        JsonDocument.Parse(JsonSerializer.Serialize(message, MqttJsonContext.Default.ShareMessage)).RootElement.Clone();

    static JsonElement Serialize(EventMessage message) =>
        JsonDocument.Parse(JsonSerializer.Serialize(message, MqttJsonContext.Default.EventMessage)).RootElement.Clone();
}
