using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>Settings of a <see cref="StratumClient"/>; <see cref="Validate"/> names every problem before use.</summary>
public sealed class StratumClientOptions
{
    /// <summary>Pools in order of preference: the first is the primary, the others are failover backups.</summary>
    public List<StratumPoolOptions> Pools { get; set; } = new();

    /// <summary>Algorithm of the pool's coin: <c>sha256d</c> or <c>scrypt</c> (scrypt pools scale difficulty by 2^16).</summary>
    public string Algorithm { get; set; } = Algorithms.Sha256d;

    /// <summary>Agent name and version sent in <c>mining.subscribe</c> and answered to <c>client.get_version</c>.</summary>
    public string UserAgent { get; set; } = "iotminer/0.1.0";

    /// <summary>Longest time a TCP connect plus TLS handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the pool's answer to a request (configure, subscribe, authorize, submit).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect when no <c>mining.notify</c> arrived for this long: a silent pool is a dead pool.</summary>
    public TimeSpan NoJobTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest line accepted from a pool, newline included; a longer one is logged and discarded.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Ask for BIP 310 version rolling with <c>mining.configure</c>.</summary>
    public bool VersionRolling { get; set; } = true;

    /// <summary>Version bits the agent asks to roll (BIP 310 <c>version-rolling.mask</c>, 8 hex digits); BIP 320 reserves 1fffe000.</summary>
    public string VersionRollingMask { get; set; } = "1fffe000";

    /// <summary>Difficulty to propose with <c>mining.suggest_difficulty</c>; null sends nothing.</summary>
    public double? SuggestDifficulty { get; set; }

    /// <summary>Send <c>mining.extranonce.subscribe</c> so the pool may change extranonce1 without a reconnect.</summary>
    public bool ExtranonceSubscribe { get; set; } = true;

    /// <summary>First delay before reconnecting after a failure; it doubles per failure, with jitter.</summary>
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnect attempts.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failures on one pool before the next pool of the list is tried.</summary>
    public int FailoverAfterFailures { get; set; } = 3;

    /// <summary>While mining on a backup, how often to check whether the primary is back.</summary>
    public TimeSpan PrimaryProbeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shares kept while disconnected, submitted after the reconnect; the oldest is dropped beyond this.</summary>
    public int MaxPendingShares { get; set; } = 256;

    /// <summary>Jobs kept per session (older ones are forgotten; their shares count as stale).</summary>
    public int MaxJobs { get; set; } = 16;

    /// <summary>Follow a <c>client.reconnect</c> to another host; off by default so a pool cannot redirect the agent anywhere.</summary>
    public bool AllowRedirectToOtherHost { get; set; }

    /// <summary>The parsed <see cref="VersionRollingMask"/>; valid after <see cref="Validate"/> reported no problem.</summary>
    public uint ParsedVersionRollingMask =>
        uint.TryParse(VersionRollingMask, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint mask) ? mask : 0;

    /// <summary>Every problem with these settings, each naming the setting and the fix; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Pools is null || Pools.Count == 0)
        {
            problems.Add("Stratum:Pools is empty: add at least one pool with a Url and a User.");
        }
        else
        {
            for (int i = 0; i < Pools.Count; i++)
            {
                ValidatePool(Pools[i], $"Stratum:Pools:{i}", problems);
            }
        }

        if (Algorithm != Algorithms.Sha256d && Algorithm != Algorithms.Scrypt)
        {
            problems.Add($"Stratum:Algorithm '{Algorithm}' is not a Stratum V1 header algorithm: use {Algorithms.Sha256d} or {Algorithms.Scrypt}.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            problems.Add("Stratum:UserAgent is empty: give a name/version like iotminer/0.1.0.");
        }

        RequirePositive(ConnectTimeout, nameof(ConnectTimeout), problems);
        RequirePositive(ResponseTimeout, nameof(ResponseTimeout), problems);
        RequirePositive(NoJobTimeout, nameof(NoJobTimeout), problems);
        RequirePositive(BackoffInitial, nameof(BackoffInitial), problems);
        RequirePositive(PrimaryProbeInterval, nameof(PrimaryProbeInterval), problems);
        if (BackoffMax < BackoffInitial)
        {
            problems.Add($"Stratum:BackoffMax ({BackoffMax}) is shorter than Stratum:BackoffInitial ({BackoffInitial}): make it at least as long.");
        }

        RequireRange(MaxLineLength, 1024, 16 * 1024 * 1024, nameof(MaxLineLength), problems);
        RequireRange(FailoverAfterFailures, 1, 1000, nameof(FailoverAfterFailures), problems);
        RequireRange(MaxPendingShares, 0, 1_000_000, nameof(MaxPendingShares), problems);
        RequireRange(MaxJobs, 1, 1000, nameof(MaxJobs), problems);
        if (VersionRolling && (VersionRollingMask is null || VersionRollingMask.Length != 8 || ParsedVersionRollingMask == 0))
        {
            problems.Add($"Stratum:VersionRollingMask '{VersionRollingMask}' must be 8 hex digits with at least one bit set, like 1fffe000 (BIP 310/320).");
        }

        if (SuggestDifficulty is { } suggested && !(suggested > 0 && double.IsFinite(suggested)))
        {
            problems.Add($"Stratum:SuggestDifficulty {suggested} must be a positive number, or left out.");
        }

        return problems;
    }

    private static void ValidatePool(StratumPoolOptions? pool, string key, List<string> problems)
    {
        if (pool is null)
        {
            problems.Add($"{key} is empty: give a Url and a User.");
            return;
        }

        if (!StratumEndpoint.TryParse(pool.Url, out _, out string problem))
        {
            problems.Add($"{key}:Url: {problem}");
        }

        if (string.IsNullOrWhiteSpace(pool.User))
        {
            problems.Add($"{key}:User is empty: give the worker name the pool expects (often wallet.worker).");
        }

        if (pool.Password is null)
        {
            problems.Add($"{key}:Password is missing: use x when the pool ignores it.");
        }

        if (pool.TlsCaFile is { Length: > 0 } caFile && !File.Exists(caFile))
        {
            problems.Add($"{key}:TlsCaFile '{caFile}' does not exist: give the path of a PEM or DER CA certificate.");
        }

        if (pool.TlsPinSha256 is { Length: > 0 } pin && !CertificatePin.TryParse(pin, out _))
        {
            problems.Add($"{key}:TlsPinSha256 '{pin}' is not a SHA-256 digest: give 64 hex digits (colons allowed).");
        }
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"Stratum:{name} ({value}) must be longer than zero.");
        }
    }

    private static void RequireRange(int value, int min, int max, string name, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"Stratum:{name} {value} is out of range: use {min}..{max}.");
        }
    }
}
