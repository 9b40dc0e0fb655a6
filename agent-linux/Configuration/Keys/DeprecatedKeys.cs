using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Configuration.Keys;

/// <summary>
/// Keys renamed when the configuration took one spelling convention (camelCase, issue 15): the <c>gateway</c>
/// section's snake_case keys. An old spelling is still honoured (its value goes to the new key unless that is set
/// too) and earns one warning at start naming the new key.
/// </summary>
public static class DeprecatedKeys
{
    private static readonly Dictionary<string, string> NewNameOf = Build();

    /// <summary>Every old spelling (lower case) and the documented key that replaced it.</summary>
    public static IReadOnlyDictionary<string, string> All => NewNameOf;

    /// <summary>The key that replaced <paramref name="path"/> (any case), or null when it was not renamed.</summary>
    public static string? Replacement(string path) => NewNameOf.GetValueOrDefault(path.ToLowerInvariant());

    /// <summary>
    /// Copies every old spelling's value to its new key when the new key is not set (the new spelling wins when both
    /// are), so everything that reads the configuration sees only documented keys. Repeating it changes nothing.
    /// </summary>
    public static void Apply(IConfiguration configuration)
    {
        foreach ((_, string value, string newKey) in Present(configuration))
        {
            if (configuration[newKey] is null)
            {
                configuration[newKey] = value;
            }
        }
    }

    /// <summary>One line per old spelling in use, naming the key that replaced it.</summary>
    public static List<string> Warnings(IConfiguration configuration) =>
        Present(configuration).Select(p => configuration[p.NewKey] == p.Value || configuration[p.NewKey] is null
            ? $"{p.OldPath} is deprecated: it is now {p.NewKey} (the old spelling still works; rename it in the configuration)"
            : $"{p.OldPath} is deprecated and ignored: {p.NewKey} is set too and wins (remove {p.OldPath})").ToList();

    private static List<(string OldPath, string Value, string NewKey)> Present(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(pair => pair.Value is not null && NewNameOf.ContainsKey(pair.Key.ToLowerInvariant()))
            .Select(pair => (pair.Key, pair.Value!, NewNameOf[pair.Key.ToLowerInvariant()]))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static Dictionary<string, string> Build()
    {
        (string Old, string New)[] renamed =
        [
            ("node:rpc_url", "node:rpcUrl"), ("node:rpc_user", "node:rpcUser"), ("node:rpc_password", "node:rpcPassword"),
            ("node:rpc_cookie_file", "node:rpcCookieFile"), ("node:payout_address", "node:payoutAddress"),
            ("node:poll_interval_s", "node:pollIntervalSeconds"), ("ledger:sqlite_path", "ledger:sqlitePath"),
            ("share_interval_s", "shareIntervalSeconds"), ("min_difficulty", "minDifficulty"), ("max_difficulty", "maxDifficulty"),
            ("job_lifetime_s", "jobLifetimeSeconds"), ("job_grace_s", "jobGraceSeconds"), ("max_shares_per_second", "maxSharesPerSecond"),
            ("share_burst", "shareBurst"), ("max_jobs_per_device", "maxJobsPerDevice"), ("max_devices", "maxDevices"),
            ("min_nonce_count", "minNonceCount"), ("upstream_timeout_s", "upstreamTimeoutSeconds"), ("device_queue_length", "deviceQueueLength"),
        ];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string old, string renamedTo) in renamed)
        {
            map.Add("gateway:" + old, "gateway:" + renamedTo);
        }

        return map;
    }
}
