using System.Text.Json.Serialization;

namespace IotMinerAgent.Linux.Status;

/// <summary>What the agent is doing, as published in <c>status.state</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentState>))]
public enum AgentState
{
    /// <summary>Hashing at the allowed duty.</summary>
    [JsonStringEnumMemberName("mining")]
    Mining,

    /// <summary>Hashing below the allowed duty (temperature or power limit); <c>reason</c> says why.</summary>
    [JsonStringEnumMemberName("throttled")]
    Throttled,

    /// <summary>Not hashing on purpose (owner's command, schedule, the device is in use); <c>reason</c> says why.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>Ready but the pool has not sent a job (connecting, pool down).</summary>
    [JsonStringEnumMemberName("no-work")]
    NoWork,

    /// <summary>Stopped by a fault the owner must fix; <c>reason</c> names it.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
