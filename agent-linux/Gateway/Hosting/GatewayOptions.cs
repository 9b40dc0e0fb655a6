using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Configuration.Keys;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Stratum;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>Where the gateway's work comes from.</summary>
public enum GatewayUpstreamKind
{
    /// <summary>A Stratum V1 pool (<c>gateway:stratum:pools</c>).</summary>
    Stratum,

    /// <summary>The owner's own node (getblocktemplate/submitblock, <c>gateway:node</c>): solo mining.</summary>
    Node,
}

/// <summary>
/// The <c>gateway</c> section (docs/configuration.md), read and validated before the host is built: every problem is
/// reported at once, naming the key, the value and the fix. The upstream's pool user and payout address come only from
/// here; nothing received over MQTT changes them.
/// </summary>
public sealed record GatewayOptions
{
    /// <summary>The section.</summary>
    public const string Section = "gateway";

    /// <summary><c>gateway:enabled</c>: <c>iotminer run</c> also runs the gateway. (<c>iotminer gateway</c> always does.)</summary>
    public bool Enabled { get; init; }

    /// <summary><c>gateway:instance</c> (0..255): the top byte of every job id; one number per gateway behind a broker.</summary>
    public byte Instance { get; init; }

    /// <summary><c>gateway:group</c>: the MQTT 5 shared subscription group of the gateways behind one broker.</summary>
    public string Group { get; init; } = GatewayTopics.DefaultGroup;

    /// <summary><c>gateway:upstream</c>: <c>stratum</c> or <c>node</c>.</summary>
    public GatewayUpstreamKind Upstream { get; init; } = GatewayUpstreamKind.Stratum;

    /// <summary><c>gateway:algorithm</c>: what the Stratum upstream mines (sha256d or scrypt); a node's coin decides its own.</summary>
    public string Algorithm { get; init; } = Algorithms.Sha256d;

    /// <summary><c>gateway:stratum:*</c>: the pools and client settings, the same keys as the agent's <c>stratum</c> section.</summary>
    public StratumClientOptions Stratum { get; init; } = new();

    /// <summary><c>gateway:node:*</c>: the owner's node (RPC, credentials, coin, payout address) when <see cref="Upstream"/> is node.</summary>
    public NodeUpstreamOptions Node { get; init; } = new();

    /// <summary><c>gateway:ledger:sqlitePath</c>: the SQLite ledger file (default <c>gateway-ledger.db</c> in the state directory).</summary>
    public string SqlitePath { get; init; } = "gateway-ledger.db";

    /// <summary><c>gateway:ledger:postgres</c>: a PostgreSQL connection string; when set, the ledger lives there instead.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary><c>gateway:ledger:retentionDays</c>: judged shares older than this many days are pruned from the share log (device totals stay).</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>The dispatcher's settings (vardiff, job lifetime, per-device limits): <c>gateway:shareIntervalSeconds</c> and the rest.</summary>
    public FleetOptions Fleet { get; init; } = new();

    /// <summary><c>gateway:workers</c> and <c>gateway:deviceQueueLength</c>: how shares are queued and judged.</summary>
    public GatewayLinkSettings Link { get; init; } = new();

    /// <summary>
    /// <c>gateway:enabled</c> as every reader of the key sees it: true/yes/on/1 or false/no/off/0 (any case), false when
    /// absent. <c>iotminer run</c> decides with it whether the gateway starts, and <see cref="Load"/> fills
    /// <see cref="Enabled"/> with it, so the two can never disagree.
    /// </summary>
    /// <exception cref="ConfigurationException">The value is not a boolean; the message names the key, the value and the allowed spellings.</exception>
    public static bool IsEnabled(IConfiguration configuration)
    {
        var reader = new KeyReader(configuration);
        bool enabled = reader.Enabled();
        reader.ThrowIfInvalid();
        return enabled;
    }

    /// <summary>Reads and validates the section.</summary>
    /// <exception cref="ConfigurationException">Lists every invalid key with its value and the fix.</exception>
    public static GatewayOptions Load(IConfiguration configuration, string stateDirectory, MqttOptions mqtt)
    {
        // Done by the loader already; again here for a configuration built another way (tests, the load benchmark).
        DeprecatedKeys.Apply(configuration);
        var reader = new KeyReader(configuration);
        GatewayUpstreamKind upstream = reader.Choice("gateway:upstream", GatewayUpstreamKind.Stratum, ("stratum", GatewayUpstreamKind.Stratum), ("node", GatewayUpstreamKind.Node));
        string algorithm = reader.Choice("gateway:algorithm", Algorithms.Sha256d, (Algorithms.Sha256d, Algorithms.Sha256d), (Algorithms.Scrypt, Algorithms.Scrypt));
        int instance = reader.Int("gateway:instance", 0, 0, 255);
        // FleetOptions holds the defaults (and documents them); a key that is absent keeps its default.
        var defaults = new FleetOptions();
        var fleet = new FleetOptions
        {
            Instance = instance,
            ShareIntervalSeconds = reader.Double("gateway:shareIntervalSeconds", defaults.ShareIntervalSeconds),
            MinDifficulty = reader.Double("gateway:minDifficulty", defaults.MinDifficulty),
            MaxDifficulty = reader.Double("gateway:maxDifficulty", defaults.MaxDifficulty),
            JobLifetimeSeconds = reader.Int("gateway:jobLifetimeSeconds", defaults.JobLifetimeSeconds, int.MinValue, int.MaxValue),
            JobGraceSeconds = reader.Int("gateway:jobGraceSeconds", defaults.JobGraceSeconds, int.MinValue, int.MaxValue),
            MaxSharesPerSecond = reader.Double("gateway:maxSharesPerSecond", defaults.MaxSharesPerSecond),
            ShareBurst = reader.Int("gateway:shareBurst", defaults.ShareBurst, int.MinValue, int.MaxValue),
            MaxJobsPerDevice = reader.Int("gateway:maxJobsPerDevice", defaults.MaxJobsPerDevice, int.MinValue, int.MaxValue),
            MaxDevices = reader.Int("gateway:maxDevices", defaults.MaxDevices, int.MinValue, int.MaxValue),
            MinNonceCount = reader.Long("gateway:minNonceCount", defaults.MinNonceCount),
            UpstreamTimeoutSeconds = reader.Double("gateway:upstreamTimeoutSeconds", defaults.UpstreamTimeoutSeconds),
            OverloadLagSeconds = reader.Double("gateway:overloadLagSeconds", defaults.OverloadLagSeconds),
        };
        var options = new GatewayOptions
        {
            Enabled = reader.Enabled(),
            Instance = (byte)Math.Clamp(instance, 0, 255),
            Group = reader.Text("gateway:group") ?? GatewayTopics.DefaultGroup,
            Upstream = upstream,
            Algorithm = algorithm,
            Stratum = upstream == GatewayUpstreamKind.Stratum ? reader.Stratum(algorithm) : new StratumClientOptions(),
            Node = upstream == GatewayUpstreamKind.Node ? reader.Node() : new NodeUpstreamOptions(),
            SqlitePath = reader.LedgerFile("gateway:ledger:sqlitePath", stateDirectory),
            PostgresConnectionString = reader.ConnectionString("gateway:ledger:postgres"),
            RetentionDays = reader.Int("gateway:ledger:retentionDays", 30, 1, 36_500),
            Fleet = fleet,
            Link = new GatewayLinkSettings
            {
                Workers = reader.Int("gateway:workers", 4, 1, 64),
                DeviceQueueLength = reader.Int("gateway:deviceQueueLength", 16, 1, 10_000),
                SessionExpirySeconds = (uint)reader.Int("gateway:mqtt:sessionExpirySeconds", (int)GatewayLinkSettings.DefaultSessionExpirySeconds, 0, int.MaxValue),
                UpstreamAlgorithm = upstream == GatewayUpstreamKind.Stratum ? algorithm : null,
            },
        };
        reader.Check(options, fleet, mqtt);
        return options;
    }

    /// <summary>Reads keys, collecting one message per problem.</summary>
    sealed class KeyReader(IConfiguration configuration) : SettingReader(key => configuration[key])
    {
        public bool Enabled() => Bool("gateway:enabled", false);

        public void ThrowIfInvalid()
        {
            if (Errors.Count > 0)
            {
                throw new ConfigurationException(string.Join("\n", Errors));
            }
        }

        public T Choice<T>(string key, T fallback, params (string Name, T Value)[] choices)
        {
            string? value = Text(key);
            if (value is null)
            {
                return fallback;
            }

            foreach ((string name, T choice) in choices)
            {
                if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
                {
                    return choice;
                }
            }

            Errors.Add($"{key} = '{value}' is invalid; allowed: {string.Join(" or ", choices.Select(c => c.Name))}");
            return fallback;
        }

        /// <summary>The ledger file's full path (relative to the state directory); a directory cannot be one.</summary>
        public string LedgerFile(string key, string stateDirectory)
        {
            string? value = Text(key);
            string path = Path.GetFullPath(value ?? "gateway-ledger.db", stateDirectory);
            if (Directory.Exists(path))
            {
                Errors.Add($"{key} = '{value}' is a directory; allowed: a file path (relative to the state directory), e.g. gateway-ledger.db");
            }

            return path;
        }

        /// <summary>A PostgreSQL connection string, parsed now so a typo is named before anything connects.</summary>
        public string? ConnectionString(string key)
        {
            string? value = Text(key);
            if (value is null)
            {
                return null;
            }

            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            }
            catch (ArgumentException exception)
            {
                // The text may hold a password: name the key and the parser's reason, never the value.
                Errors.Add($"{key} is not a connection string ({exception.Message}); allowed: Npgsql's Host=…;Database=…;Username=… form, or empty for SQLite");
            }

            return value;
        }

        public StratumClientOptions Stratum(string algorithm)
        {
            // Values the binder cannot convert, named as documented (the binder would only name the type).
            List<string> unconvertible = KeyCheck.ValueErrors(configuration, "gateway:stratum");
            if (unconvertible.Count > 0)
            {
                Errors.AddRange(unconvertible);
                return new StratumClientOptions();
            }

            StratumClientOptions stratum;
            try
            {
                stratum = configuration.GetSection("gateway:stratum").Get<StratumClientOptions>() ?? new StratumClientOptions();
            }
            catch (InvalidOperationException exception)
            {
                Errors.Add($"gateway:stratum: {KeySpelling.InMessage(exception.InnerException?.Message ?? exception.Message)} See docs/configuration.md for the allowed values.");
                return new StratumClientOptions();
            }

            stratum.Algorithm = algorithm;
            stratum.UserAgent = "iotminer-gateway/" + AgentVersion.Current;
            Errors.AddRange(stratum.Validate("gateway:stratum"));
            return stratum;
        }

        public NodeUpstreamOptions Node()
        {
            List<string> unconvertible = KeyCheck.ValueErrors(configuration, NodeUpstreamOptions.Section);
            if (unconvertible.Count > 0)
            {
                Errors.AddRange(unconvertible);
                return new NodeUpstreamOptions();
            }

            NodeUpstreamOptions node;
            try
            {
                node = configuration.GetSection(NodeUpstreamOptions.Section).Get<NodeUpstreamOptions>() ?? new NodeUpstreamOptions();
            }
            catch (InvalidOperationException exception)
            {
                Errors.Add($"{NodeUpstreamOptions.Section}: {KeySpelling.InMessage(exception.InnerException?.Message ?? exception.Message)} See docs/configuration.md for the allowed values.");
                return new NodeUpstreamOptions();
            }

            Errors.AddRange(node.Validate());
            return node;
        }

        public void Check(GatewayOptions options, FleetOptions fleet, MqttOptions mqtt)
        {
            if (!GatewayTopics.IsValidGroup(options.Group))
            {
                Errors.Add($"gateway:group = '{options.Group}' is invalid; allowed: one topic level without '/', '+' or '#' (default {GatewayTopics.DefaultGroup})");
            }

            // An instance out of range is reported by the reader already, with the allowed range.
            Errors.AddRange(fleet.Validate().Where(p => !p.StartsWith("gateway:instance", StringComparison.Ordinal)));
            if (!mqtt.Enabled || mqtt.Host is null)
            {
                Errors.Add("mqtt:host is empty (or mqtt:enabled is false) but the gateway talks to devices through a broker on the network: set mqtt:host to it (e.g. a mosquitto, see docs/gateway.md)");
            }

            if (mqtt.Protocol == MqttProtocolChoice.V311)
            {
                Errors.Add("mqtt:protocol = 3.1.1 but the gateway needs MQTT 5 (shared subscriptions): set mqtt:protocol to auto or 5");
            }

            ThrowIfInvalid();
        }
    }
}
