using System.Text.Json.Serialization;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>The pool's answer to a submitted share, as published in <c>share.result</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShareResult>))]
public enum ShareResult
{
    /// <summary>The pool accepted the share.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The pool rejected the share (<c>reject_reason</c> says why).</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>The pool rejected the share as stale (its job was already replaced).</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,
}
