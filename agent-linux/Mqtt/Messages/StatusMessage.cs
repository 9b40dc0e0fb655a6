using System;
using System.Text.Json.Serialization;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// Payload of <c>iotminer/&lt;device_id&gt;/status</c> (retained). Field names come from the device contract
/// (<see cref="StatusFields"/>), which the ESP32 firmware writes its status with too.
/// </summary>
public sealed record StatusMessage
{
    /// <summary>Contract version (<see cref="MqttContract.Version"/>).</summary>
    [JsonPropertyName(StatusFields.V)]
    public int V { get; init; } = MqttContract.Version;

    /// <summary>Device id of the publisher.</summary>
    [JsonPropertyName(StatusFields.DeviceId)]
    public required string DeviceId { get; init; }

    /// <summary>When the snapshot was taken (UTC).</summary>
    [JsonPropertyName(StatusFields.Time)]
    public required DateTimeOffset Time { get; init; }

    /// <summary>See <see cref="AgentStatus.State"/>.</summary>
    [JsonPropertyName(StatusFields.State)]
    public required AgentState State { get; init; }

    /// <summary>See <see cref="AgentStatus.Reason"/>.</summary>
    [JsonPropertyName(StatusFields.Reason)]
    public string? Reason { get; init; }

    /// <summary>See <see cref="AgentStatus.MiningEnabled"/>.</summary>
    [JsonPropertyName(StatusFields.MiningEnabled)]
    public bool MiningEnabled { get; init; }

    /// <summary>See <see cref="AgentStatus.HashrateHs"/>.</summary>
    [JsonPropertyName(StatusFields.HashrateHs)]
    public double HashrateHs { get; init; }

    /// <summary>See <see cref="AgentStatus.Algo"/>.</summary>
    [JsonPropertyName(StatusFields.Algo)]
    public string? Algo { get; init; }

    /// <summary>See <see cref="AgentStatus.Engine"/>.</summary>
    [JsonPropertyName(StatusFields.Engine)]
    public string? Engine { get; init; }

    /// <summary>See <see cref="AgentStatus.Threads"/>.</summary>
    [JsonPropertyName(StatusFields.Threads)]
    public int Threads { get; init; }

    /// <summary>See <see cref="AgentStatus.MaxThreads"/>.</summary>
    [JsonPropertyName(StatusFields.MaxThreads)]
    public int MaxThreads { get; init; }

    /// <summary>See <see cref="AgentStatus.DutyPercent"/>.</summary>
    [JsonPropertyName(StatusFields.DutyPercent)]
    public double DutyPercent { get; init; }

    /// <summary>See <see cref="AgentStatus.MaxDutyPercent"/>.</summary>
    [JsonPropertyName(StatusFields.MaxDutyPercent)]
    public int MaxDutyPercent { get; init; }

    /// <summary>See <see cref="AgentStatus.TargetTemperatureC"/>.</summary>
    [JsonPropertyName(StatusFields.TargetTemperatureC)]
    public double TargetTemperatureC { get; init; }

    /// <summary>See <see cref="AgentStatus.TemperatureC"/>; null without a sensor.</summary>
    [JsonPropertyName(StatusFields.TemperatureC)]
    public double? TemperatureC { get; init; }

    /// <summary>See <see cref="AgentStatus.Accepted"/>.</summary>
    [JsonPropertyName(StatusFields.Accepted)]
    public long Accepted { get; init; }

    /// <summary>See <see cref="AgentStatus.Rejected"/>.</summary>
    [JsonPropertyName(StatusFields.Rejected)]
    public long Rejected { get; init; }

    /// <summary>See <see cref="AgentStatus.Stale"/>.</summary>
    [JsonPropertyName(StatusFields.Stale)]
    public long Stale { get; init; }

    /// <summary>See <see cref="AgentStatus.BestDifficulty"/>.</summary>
    [JsonPropertyName(StatusFields.BestDifficulty)]
    public double BestDifficulty { get; init; }

    /// <summary>See <see cref="AgentStatus.Pool"/>.</summary>
    [JsonPropertyName(StatusFields.Pool)]
    public string? Pool { get; init; }

    /// <summary>See <see cref="AgentStatus.Tier"/>.</summary>
    [JsonPropertyName(StatusFields.Tier)]
    public string? Tier { get; init; }

    /// <summary>See <see cref="AgentStatus.UptimeS"/>.</summary>
    [JsonPropertyName(StatusFields.UptimeS)]
    public long UptimeS { get; init; }

    /// <summary>See <see cref="AgentStatus.Version"/>.</summary>
    [JsonPropertyName(StatusFields.Version)]
    public required string Version { get; init; }

    /// <summary>See <see cref="AgentStatus.EnergyKwh"/>; null when the board's power is unknown.</summary>
    [JsonPropertyName(StatusFields.EnergyKwh)]
    public double? EnergyKwh { get; init; }

    /// <summary>See <see cref="AgentStatus.EnergyCost"/>; null while no energy price was ever known.</summary>
    [JsonPropertyName(StatusFields.EnergyCost)]
    public double? EnergyCost { get; init; }

    /// <summary>Builds the message of <paramref name="status"/> for <paramref name="deviceId"/> at <paramref name="time"/>.</summary>
    public static StatusMessage From(AgentStatus status, string deviceId, DateTimeOffset time) => new()
    {
        DeviceId = deviceId,
        Time = time.ToUniversalTime(),
        State = status.State,
        Reason = status.Reason,
        MiningEnabled = status.MiningEnabled,
        HashrateHs = Finite(status.HashrateHs),
        Algo = status.Algo,
        Engine = status.Engine,
        Threads = status.Threads,
        MaxThreads = status.MaxThreads,
        DutyPercent = Finite(status.DutyPercent),
        MaxDutyPercent = status.MaxDutyPercent,
        TargetTemperatureC = Finite(status.TargetTemperatureC),
        TemperatureC = status.TemperatureC is double t && double.IsFinite(t) ? t : null,
        Accepted = status.Accepted,
        Rejected = status.Rejected,
        Stale = status.Stale,
        BestDifficulty = Finite(status.BestDifficulty),
        Pool = status.Pool,
        Tier = status.Tier,
        UptimeS = status.UptimeS,
        EnergyKwh = status.EnergyKwh is double kwh && double.IsFinite(kwh) ? kwh : null,
        EnergyCost = status.EnergyCost is double cost && double.IsFinite(cost) ? cost : null,
        Version = status.Version,
    };

    // JSON has no NaN or infinity (RFC 8259 §6): a broken reading must not stop the status from being published.
    static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
