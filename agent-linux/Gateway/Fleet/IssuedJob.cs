using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// What the gateway remembers of a job it issued: everything needed to rebuild and judge a share on it, and the
/// nonces already submitted (bounded by the device's rate limit times the job's life).
/// </summary>
internal sealed class IssuedJob
{
    private readonly HashSet<uint> _submitted = new();

    /// <summary>Creates the record of a job.</summary>
    public IssuedJob(uint jobId, string deviceId, UpstreamTemplate template, long generation, WorkSlice slice, byte[] header, Target target, double difficulty, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        JobId = jobId;
        DeviceId = deviceId;
        Template = template;
        Generation = generation;
        Slice = slice;
        Header = header;
        Target = target;
        Difficulty = difficulty;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The job id.</summary>
    public uint JobId { get; }

    /// <summary>The device it was issued to.</summary>
    public string DeviceId { get; }

    /// <summary>The template it was cut from.</summary>
    public UpstreamTemplate Template { get; }

    /// <summary>The template generation: a template with ReplacesAll starts a new one and makes older jobs stale.</summary>
    public long Generation { get; }

    /// <summary>Work unit and nonce range.</summary>
    public WorkSlice Slice { get; }

    /// <summary>The work unit's 80-byte header with nonce 0.</summary>
    public byte[] Header { get; }

    /// <summary>The device's share target.</summary>
    public Target Target { get; }

    /// <summary>The pool difficulty of <see cref="Target"/>: what one accepted share on this job is worth.</summary>
    public double Difficulty { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When its lifetime (plus grace) is over.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Records <paramref name="nonce"/> as submitted; false when it already was.</summary>
    public bool MarkSubmitted(uint nonce) => _submitted.Add(nonce);
}
