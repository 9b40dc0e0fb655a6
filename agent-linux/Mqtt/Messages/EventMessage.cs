using System;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>Payload of <c>iotminer/&lt;device_id&gt;/event</c>: the answer to one command (QoS 1, not retained).</summary>
public sealed record EventMessage
{
    /// <summary>Event type of a command answer.</summary>
    public const string CommandType = "command";

    /// <summary>Contract version (<see cref="MqttContract.Version"/>).</summary>
    public int V { get; init; } = MqttContract.Version;

    /// <summary>Device id of the publisher.</summary>
    public required string DeviceId { get; init; }

    /// <summary>When the command was handled (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Event type; <see cref="CommandType"/> for command answers.</summary>
    public string Type { get; init; } = CommandType;

    /// <summary>The command name (the last level of <c>cmd/&lt;name&gt;</c>).</summary>
    public required string Command { get; init; }

    /// <summary>True when the command was applied.</summary>
    public required bool Ok { get; init; }

    /// <summary>Why the command was refused (names the problem and the fix); null when ok.</summary>
    public string? Error { get; init; }

    /// <summary>The value applied (°C, percent or threads); null for commands without a value and for errors.</summary>
    public double? Value { get; init; }

    /// <summary>The <c>request_id</c> of a JSON command payload, echoed so the sender can match the answer.</summary>
    public string? RequestId { get; init; }
}
