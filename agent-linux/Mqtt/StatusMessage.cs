using System;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>Payload of <c>iotminer/&lt;device_id&gt;/status</c> (retained). Field names are snake_case on the wire.</summary>
public sealed record StatusMessage
{
    /// <summary>Contract version (<see cref="MqttContract.Version"/>).</summary>
    public int V { get; init; } = MqttContract.Version;

    /// <summary>Device id of the publisher.</summary>
    public required string DeviceId { get; init; }

    /// <summary>When the snapshot was taken (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>See <see cref="AgentStatus.State"/>.</summary>
    public required AgentState State { get; init; }

    /// <summary>See <see cref="AgentStatus.Reason"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>See <see cref="AgentStatus.MiningEnabled"/>.</summary>
    public bool MiningEnabled { get; init; }

    /// <summary>See <see cref="AgentStatus.HashrateHs"/>.</summary>
    public double HashrateHs { get; init; }

    /// <summary>See <see cref="AgentStatus.Algo"/>.</summary>
    public string? Algo { get; init; }

    /// <summary>See <see cref="AgentStatus.Engine"/>.</summary>
    public string? Engine { get; init; }

    /// <summary>See <see cref="AgentStatus.Threads"/>.</summary>
    public int Threads { get; init; }

    /// <summary>See <see cref="AgentStatus.MaxThreads"/>.</summary>
    public int MaxThreads { get; init; }

    /// <summary>See <see cref="AgentStatus.DutyPercent"/>.</summary>
    public double DutyPercent { get; init; }

    /// <summary>See <see cref="AgentStatus.MaxDutyPercent"/>.</summary>
    public int MaxDutyPercent { get; init; }

    /// <summary>See <see cref="AgentStatus.TargetTemperatureC"/>.</summary>
    public double TargetTemperatureC { get; init; }

    /// <summary>See <see cref="AgentStatus.TemperatureC"/>; null without a sensor.</summary>
    public double? TemperatureC { get; init; }

    /// <summary>See <see cref="AgentStatus.Accepted"/>.</summary>
    public long Accepted { get; init; }

    /// <summary>See <see cref="AgentStatus.Rejected"/>.</summary>
    public long Rejected { get; init; }

    /// <summary>See <see cref="AgentStatus.Stale"/>.</summary>
    public long Stale { get; init; }

    /// <summary>See <see cref="AgentStatus.BestDifficulty"/>.</summary>
    public double BestDifficulty { get; init; }

    /// <summary>See <see cref="AgentStatus.Pool"/>.</summary>
    public string? Pool { get; init; }

    /// <summary>See <see cref="AgentStatus.UptimeS"/>.</summary>
    public long UptimeS { get; init; }

    /// <summary>See <see cref="AgentStatus.Version"/>.</summary>
    public required string Version { get; init; }

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
        UptimeS = status.UptimeS,
        Version = status.Version,
    };

    // JSON has no NaN or infinity (RFC 8259 §6): a broken reading must not stop the status from being published.
    static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
