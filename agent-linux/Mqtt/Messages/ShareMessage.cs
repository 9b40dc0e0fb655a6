using System;
using System.Text.Json.Serialization;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// Payload of <c>iotminer/&lt;device_id&gt;/share</c>: one message per share found (QoS 1, not retained).
/// <see cref="Id"/> is unique and kept across redeliveries, so subscribers can deduplicate.
/// </summary>
public sealed record ShareMessage
{
    /// <summary>Contract version (<see cref="MqttContract.Version"/>).</summary>
    public int V { get; init; } = MqttContract.Version;

    /// <summary>Unique share id (a UUIDv7 from <see cref="NewId"/>: sorts by time of finding).</summary>
    public required string Id { get; init; }

    /// <summary>Device id of the finder.</summary>
    public required string DeviceId { get; init; }

    /// <summary>When the share was found (UTC).</summary>
    public required DateTimeOffset FoundAt { get; init; }

    /// <summary>Algorithm (sha256d, scrypt, duco-s1).</summary>
    public required string Algo { get; init; }

    /// <summary>Pool as <c>scheme://host:port</c>, never with credentials.</summary>
    public string? Pool { get; init; }

    /// <summary>Pool job id (Stratum <c>mining.notify</c> job_id; the last hash for DUCO).</summary>
    public required string JobId { get; init; }

    /// <summary>Nonce as submitted: 8 hex digits for Stratum, decimal for DUCO.</summary>
    public required string Nonce { get; init; }

    /// <summary>Extranonce2 hex as submitted; null for protocols without it.</summary>
    public string? Extranonce2 { get; init; }

    /// <summary>ntime as 8 hex digits (big-endian, as in mining.submit); null for protocols without it.</summary>
    public string? Ntime { get; init; }

    /// <summary>Rolled version bits (BIP 310) as 8 hex digits; null when version rolling is off.</summary>
    public string? VersionBits { get; init; }

    /// <summary>Difficulty of the share's hash.</summary>
    public double Difficulty { get; init; }

    /// <summary>Pool difficulty the share was found at.</summary>
    public double PoolDifficulty { get; init; }

    /// <summary>Block hash in display order (hex), as block explorers print it.</summary>
    public required string Hash { get; init; }

    /// <summary>What became of the share (the pool's answer, or why it was not sent); null when not seen before the share was published.</summary>
    [JsonConverter(typeof(ShareVerdictJsonConverter))]
    public ShareVerdict? Result { get; init; }

    /// <summary>The pool's reason for a rejection; null otherwise.</summary>
    public string? RejectReason { get; init; }

    /// <summary>A new unique share id (UUIDv7, RFC 9562: time-ordered, 74 random bits).</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("D");
}
