using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotMinerAgent.Linux.Configuration.Keys;

/// <summary>
/// Every key docs/configuration.md documents, in its documented spelling (a test keeps the two equal). The
/// configuration is case-insensitive; messages always use these spellings, whatever case the owner wrote.
/// </summary>
public static class KnownKeys
{
    /// <summary>The segment that stands for a list index in <see cref="KnownKey.Name"/>.</summary>
    public const string Index = "N";

    private static readonly Dictionary<string, KnownKey> ByName = Build();

    /// <summary>All documented keys.</summary>
    public static IReadOnlyCollection<KnownKey> All => ByName.Values;

    /// <summary>
    /// The documented key for <paramref name="path"/> (any case, real list indexes), and its documented spelling with
    /// those indexes (<c>Stratum:Pools:0:URL</c> → <c>stratum:pools:0:url</c>); null when it is not documented.
    /// </summary>
    public static KnownKey? Find(string path, out string spelling)
    {
        string[] segments = path.Split(':');
        if (ByName.TryGetValue(Pattern(segments), out KnownKey? key))
        {
            spelling = Spell(key.Name, segments);
            return key;
        }

        spelling = path;
        return null;
    }

    /// <summary>True when <paramref name="path"/> is a section holding documented keys (<c>stratum:pools</c>, <c>mining</c>).</summary>
    public static bool IsSection(string path)
    {
        string prefix = Pattern(path.Split(':')) + ":";
        foreach (string name in ByName.Keys)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The documented spelling of a key or of a section holding documented keys (<c>Gateway:Stratum:Pools:0</c> →
    /// <c>gateway:stratum:pools:0</c>), with the indexes written; null when it is neither.
    /// </summary>
    public static string? Spelling(string path)
    {
        if (Find(path, out string spelling) is not null)
        {
            return spelling;
        }

        string[] segments = path.Split(':');
        string prefix = Pattern(segments) + ":";
        foreach ((string lookup, KnownKey key) in ByName)
        {
            if (lookup.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Spell(string.Join(':', key.Name.Split(':')[..segments.Length]), segments);
            }
        }

        return null;
    }

    /// <summary>The documented key nearest to <paramref name="path"/> in edit distance, spelled with its indexes; null when none is close.</summary>
    public static string? Nearest(string path)
    {
        string[] segments = path.Split(':');
        string pattern = Pattern(segments);
        KnownKey? best = null;
        int bestDistance = int.MaxValue;
        foreach (KnownKey key in ByName.Values)
        {
            int distance = EditDistance.Between(pattern, key.Name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (key, distance);
            }
        }

        // A typo is a few letters (a third of the key at most): "mining:thread", "governer:…"; further is another key.
        if (best is not null && bestDistance <= Math.Max(2, pattern.Length / 3))
        {
            return Spell(best.Name, segments);
        }

        // The right key in the wrong section ("governor:threads" for mining:threads).
        string leaf = ":" + segments[^1].ToLowerInvariant();
        foreach (KnownKey key in ByName.Values)
        {
            if (key.Name.EndsWith(leaf, StringComparison.OrdinalIgnoreCase) && !key.Name.StartsWith("gateway:", StringComparison.Ordinal))
            {
                return Spell(key.Name, segments);
            }
        }

        return null;
    }

    // Lower case, list indexes as N: the lookup form.
    private static string Pattern(string[] segments)
    {
        var parts = new string[segments.Length];
        for (int i = 0; i < segments.Length; i++)
        {
            parts[i] = IsIndex(segments[i]) ? Index.ToLowerInvariant() : segments[i].ToLowerInvariant();
        }

        return string.Join(':', parts);
    }

    // The documented name with each N replaced by the index the owner wrote (in order), when there is one.
    private static string Spell(string name, string[] written)
    {
        var indexes = new Queue<string>();
        foreach (string segment in written)
        {
            if (IsIndex(segment))
            {
                indexes.Enqueue(segment);
            }
        }

        string[] parts = name.Split(':');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == Index && indexes.Count > 0)
            {
                parts[i] = indexes.Dequeue();
            }
        }

        return string.Join(':', parts);
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.Length <= 9 && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static Dictionary<string, KnownKey> Build()
    {
        var keys = new List<KnownKey>
        {
            new("consent", KeyKind.Bool, Bools),
            new("stateDirectory", KeyKind.Text, ""),
            new("config:strict", KeyKind.Bool, Bools),
            new("mining:algorithm", KeyKind.Text, ""),
            new("mining:threads", KeyKind.Int, string.Create(CultureInfo.InvariantCulture, $"0 (one per core) or a whole number from 1 to {Environment.ProcessorCount}")),
            new("mining:engine", KeyKind.Text, ""),
            new("demo:shareDifficulty", KeyKind.Text, ""),
            new("demo:jobSeconds", KeyKind.Int, Whole(1, 3600)),
            new("duino:username", KeyKind.Text, ""),
            new("duino:miningKey", KeyKind.Text, ""),
            new("duino:pool", KeyKind.Text, ""),
            new("duino:poolPickerUrl", KeyKind.Text, ""),
            new("duino:difficulty", KeyKind.Text, ""),
            new("duino:rigId", KeyKind.Text, ""),
        };

        foreach (KnownKey stratum in Stratum())
        {
            keys.Add(stratum with { Name = "stratum:" + stratum.Name });

            // gateway:stratum:* takes the keys of the stratum section (checked only when the gateway runs).
            keys.Add(stratum with { Name = "gateway:stratum:" + stratum.Name });
        }

        keys.AddRange(Governor());
        keys.Add(new("energy:boardWatts", KeyKind.OptionalNumber, "watts above 0 and up to 10000, or empty for the board table"));
        keys.Add(new("energy:idleWatts", KeyKind.OptionalNumber, "watts from 0 to 10000 (at most energy:boardWatts), or empty for the board table"));

        // The energy rule's keys are read key by key (EnergyRuleOptions, a SettingReader) whose messages name the key: Text here.
        keys.AddRange(Named(KeyKind.Text, "energy:",
            "mode", "margin", "pricePerKwh", "tariff", "priceTopic", "coinPrice", "coinPriceTopic", "blockReward", "surplusTopic", "powerTopic", "dailyKwh",
            "monthlyKwh", "minSwitchSeconds", "topicTimeout", "unknownAction", "currency"));
        keys.AddRange(Named(KeyKind.Text, "mqtt:",
            "enabled", "host", "port", "tls", "caFile", "clientCertFile", "clientKeyFile", "username", "password", "deviceId", "protocol",
            "embeddedBroker", "embeddedBrokerPort", "homeAssistant", "discoveryPrefix", "statusIntervalSeconds", "keepAliveSeconds",
            "reconnectMinSeconds", "reconnectMaxSeconds", "shareResultWaitSeconds"));
        keys.AddRange(Named(KeyKind.Text, "api:", "enabled", "host", "port", "accessToken", "readOnly"));
        keys.AddRange(Named(KeyKind.Text, "gateway:",
            "enabled", "instance", "group", "upstream", "algorithm", "node:rpcUrl", "node:rpcUser", "node:rpcPassword", "node:rpcCookieFile",
            "node:coin", "node:payoutAddress", "ledger:sqlitePath", "ledger:postgres", "ledger:retentionDays", "mqtt:sessionExpirySeconds", "shareIntervalSeconds", "minDifficulty", "maxDifficulty",
            "jobLifetimeSeconds", "jobGraceSeconds", "maxSharesPerSecond", "shareBurst", "maxJobsPerDevice", "maxDevices", "minNonceCount",
            "upstreamTimeoutSeconds", "overloadLagSeconds", "workers", "deviceQueueLength"));
        keys.Add(new("gateway:node:pollIntervalSeconds", KeyKind.Number, "seconds from 0.1 to 600"));

        // The mqtt, api and gateway sections are read key by key (SettingReader), whose messages already name the key: Text here.
        var byName = new Dictionary<string, KnownKey>(StringComparer.Ordinal);
        foreach (KnownKey key in keys)
        {
            byName.Add(key.Name.ToLowerInvariant(), key);
        }

        return byName;
    }

    private static IEnumerable<KnownKey> Stratum()
    {
        const string Positive = "a duration above zero, e.g. 00:00:10 (hh:mm:ss)";
        return
        [
            new("pools:N:url", KeyKind.Text, ""),
            new("pools:N:user", KeyKind.Text, ""),
            new("pools:N:password", KeyKind.Text, ""),
            new("pools:N:tlsCaFile", KeyKind.Text, ""),
            new("pools:N:tlsPinSha256", KeyKind.Text, ""),
            new("connectTimeout", KeyKind.Duration, Positive),
            new("responseTimeout", KeyKind.Duration, Positive),
            new("noJobTimeout", KeyKind.Duration, Positive),
            new("maxLineLength", KeyKind.Int, Whole(1024, 16 * 1024 * 1024)),
            new("versionRolling", KeyKind.Bool, Bools),
            new("versionRollingMask", KeyKind.Text, ""),
            new("suggestDifficulty", KeyKind.OptionalNumber, "a positive number, or empty for none"),
            new("extranonceSubscribe", KeyKind.Bool, Bools),
            new("backoffInitial", KeyKind.Duration, Positive),
            new("backoffMax", KeyKind.Duration, Positive + ", at least backoffInitial"),
            new("failoverAfterFailures", KeyKind.Int, Whole(1, 1000)),
            new("primaryProbeInterval", KeyKind.Duration, Positive),
            new("maxPendingShares", KeyKind.Int, Whole(0, 1_000_000)),
            new("maxJobs", KeyKind.Int, Whole(1, 1000)),
            new("allowRedirectToOtherHost", KeyKind.Bool, Bools),
        ];
    }

    private static IEnumerable<KnownKey> Governor() =>
    [
        new("governor:targetTemperatureC", KeyKind.Number, "°C from 30 to 95, e.g. 70 or 70.5"),
        new("governor:hardLimitC", KeyKind.Number, "°C from 40 to 110, at least 1 above targetTemperatureC"),
        new("governor:resumeHysteresisC", KeyKind.Number, "°C from 0.5 to 30"),
        new("governor:minDutyPercent", KeyKind.Int, Whole(1, 100) + ", at most maxDutyPercent"),
        new("governor:maxDutyPercent", KeyKind.Int, Whole(1, 100)),
        new("governor:dutySlewPercentPerSecond", KeyKind.Int, Whole(1, 100)),
        new("governor:idleOnly", KeyKind.Bool, Bools),
        new("governor:idleDelaySeconds", KeyKind.Int, Whole(0, 86400)),
        new("governor:idleWindowSeconds", KeyKind.Int, Whole(1, 60)),
        new("governor:busyCpuPercent", KeyKind.Int, Whole(1, 100)),
        new("governor:idleCpuPercent", KeyKind.Int, Whole(0, 99) + ", below busyCpuPercent"),
        new("governor:userActivity", KeyKind.Text, ""),
        new("governor:noSensor", KeyKind.Text, ""),
        new("governor:noSensorDutyPercent", KeyKind.Int, Whole(1, 100)),
        new("governor:schedule", KeyKind.Text, ""),
        new("governor:temperatureSensor", KeyKind.Text, ""),
        new("governor:intervalMilliseconds", KeyKind.Int, Whole(100, 5000)),
        new("governor:proportionalGain", KeyKind.Int, Whole(0, 1000)),
        new("governor:integralGain", KeyKind.Int, Whole(0, 10000)),
    ];

    private const string Bools = "true or false";

    private static string Whole(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");

    private static IEnumerable<KnownKey> Named(KeyKind kind, string prefix, params string[] names)
    {
        foreach (string name in names)
        {
            yield return new KnownKey(prefix + name, kind, "");
        }
    }
}
