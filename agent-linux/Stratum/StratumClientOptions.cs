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

    /// <summary>
    /// Every problem with these settings, each naming the key as docs/configuration.md spells it (under
    /// <paramref name="section"/>: <c>stratum</c> for the agent, <c>gateway:stratum</c> for the gateway) and the fix;
    /// empty when they are usable.
    /// </summary>
    public IReadOnlyList<string> Validate(string section = "stratum")
    {
        var problems = new List<string>();
        string s = section + ":";
        if (Pools is null || Pools.Count == 0)
        {
            problems.Add($"{s}pools is empty: add at least one pool with a url and a user.");
        }
        else
        {
            for (int i = 0; i < Pools.Count; i++)
            {
                ValidatePool(Pools[i], $"{s}pools:{i}", problems);
            }
        }

        if (Algorithm != Algorithms.Sha256d && Algorithm != Algorithms.Scrypt)
        {
            problems.Add($"{s}algorithm '{Algorithm}' is not a Stratum V1 header algorithm: use {Algorithms.Sha256d} or {Algorithms.Scrypt}.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            problems.Add($"{s}userAgent is empty: give a name/version like iotminer/0.1.0.");
        }

        RequirePositive(ConnectTimeout, s + "connectTimeout", problems);
        RequirePositive(ResponseTimeout, s + "responseTimeout", problems);
        RequirePositive(NoJobTimeout, s + "noJobTimeout", problems);
        RequirePositive(BackoffInitial, s + "backoffInitial", problems);
        RequirePositive(PrimaryProbeInterval, s + "primaryProbeInterval", problems);
        if (BackoffMax < BackoffInitial)
        {
            problems.Add($"{s}backoffMax = {BackoffMax} is shorter than {s}backoffInitial = {BackoffInitial}: make it at least as long.");
        }

        RequireRange(MaxLineLength, 1024, 16 * 1024 * 1024, s + "maxLineLength", problems);
        RequireRange(FailoverAfterFailures, 1, 1000, s + "failoverAfterFailures", problems);
        RequireRange(MaxPendingShares, 0, 1_000_000, s + "maxPendingShares", problems);
        RequireRange(MaxJobs, 1, 1000, s + "maxJobs", problems);
        if (VersionRolling && (VersionRollingMask is null || VersionRollingMask.Length != 8 || ParsedVersionRollingMask == 0))
        {
            problems.Add($"{s}versionRollingMask = '{VersionRollingMask}' must be 8 hex digits with at least one bit set, like 1fffe000 (BIP 310/320).");
        }

        if (SuggestDifficulty is { } suggested && !(suggested > 0 && double.IsFinite(suggested)))
        {
            problems.Add($"{s}suggestDifficulty = {suggested} must be a positive number, or left out.");
        }

        return problems;
    }

    private static void ValidatePool(StratumPoolOptions? pool, string key, List<string> problems)
    {
        if (pool is null)
        {
            problems.Add($"{key} is empty: give a url and a user.");
            return;
        }

        if (!StratumEndpoint.TryParse(pool.Url, out _, out string problem))
        {
            problems.Add($"{key}:url: {problem}");
        }

        if (string.IsNullOrWhiteSpace(pool.User))
        {
            problems.Add($"{key}:user is empty: give the worker name the pool expects (often wallet.worker).");
        }

        if (pool.Password is null)
        {
            problems.Add($"{key}:password is missing: use x when the pool ignores it.");
        }

        if (pool.TlsCaFile is { Length: > 0 } caFile && !File.Exists(caFile))
        {
            problems.Add($"{key}:tlsCaFile = '{caFile}' does not exist: give the path of a PEM or DER CA certificate.");
        }

        if (pool.TlsPinSha256 is { Length: > 0 } pin && !CertificatePin.TryParse(pin, out _))
        {
            problems.Add($"{key}:tlsPinSha256 = '{pin}' is not a SHA-256 digest: give 64 hex digits (colons allowed).");
        }
    }

    private static void RequirePositive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} = {value} must be longer than zero, e.g. 00:00:10.");
        }
    }

    private static void RequireRange(int value, int min, int max, string key, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"{key} = {value} is out of range: use {min}..{max}.");
        }
    }
}
