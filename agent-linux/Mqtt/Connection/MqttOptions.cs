using System;
using System.Globalization;
using System.IO;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// The <c>mqtt:*</c> settings, built and validated by <see cref="Parse"/> before anything connects.
/// Without <c>mqtt:host</c> the agent starts the <see cref="EmbeddedBroker"/> on 127.0.0.1 and talks to it.
/// </summary>
public sealed record MqttOptions
{
    /// <summary>Port of plain MQTT (IANA).</summary>
    public const int DefaultPort = 1883;

    /// <summary>Port of MQTT over TLS (IANA).</summary>
    public const int DefaultTlsPort = 8883;

    /// <summary><c>mqtt:enabled</c>: false turns MQTT off entirely. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>mqtt:host</c>: broker host name or address; null means "use the embedded broker".</summary>
    public string? Host { get; init; }

    /// <summary><c>mqtt:port</c>: broker port. Default 1883, or 8883 with TLS.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary><c>mqtt:tls</c>: connect with TLS. Default false.</summary>
    public bool Tls { get; init; }

    /// <summary><c>mqtt:caFile</c>: PEM file of the CA(s) that sign the broker's certificate; null trusts the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary><c>mqtt:clientCertFile</c>: PEM client certificate for brokers that require one.</summary>
    public string? ClientCertFile { get; init; }

    /// <summary><c>mqtt:clientKeyFile</c>: PEM private key of the client certificate (omit when the cert file holds it).</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary><c>mqtt:username</c>.</summary>
    public string? Username { get; init; }

    /// <summary><c>mqtt:password</c>.</summary>
    public string? Password { get; init; }

    /// <summary><c>mqtt:deviceId</c>: topic id; null derives it (<see cref="Mqtt.Messages.DeviceId.Resolve"/>).</summary>
    public string? DeviceId { get; init; }

    /// <summary><c>mqtt:protocol</c>: <c>auto</c> (MQTT 5, then 3.1.1 if the broker refuses 5), <c>5</c> or <c>3.1.1</c>.</summary>
    public MqttProtocolChoice Protocol { get; init; } = MqttProtocolChoice.Auto;

    /// <summary><c>mqtt:embeddedBroker</c>: start the in-process broker when no host is set. Default true.</summary>
    public bool EmbeddedBroker { get; init; } = true;

    /// <summary><c>mqtt:embeddedBrokerPort</c>: its port on 127.0.0.1. Default 1883.</summary>
    public int EmbeddedBrokerPort { get; init; } = DefaultPort;

    /// <summary><c>mqtt:homeAssistant</c>: publish Home Assistant discovery. Default true.</summary>
    public bool HomeAssistant { get; init; } = true;

    /// <summary><c>mqtt:discoveryPrefix</c>: Home Assistant discovery prefix. Default <c>homeassistant</c>.</summary>
    public string DiscoveryPrefix { get; init; } = MqttContract.DefaultDiscoveryPrefix;

    /// <summary><c>mqtt:statusIntervalSeconds</c>: period of the status message. Default 10.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>mqtt:keepAliveSeconds</c>: MQTT keep-alive; a dead broker is noticed within 1.5× this. Default 30.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>mqtt:reconnectMinSeconds</c>: first reconnect delay. Default 1.</summary>
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>mqtt:reconnectMaxSeconds</c>: longest reconnect delay. Default 60.</summary>
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>mqtt:shareResultWaitSeconds</c>: how long a share waits for the pool's answer before it is published without it. Default 10.</summary>
    public TimeSpan ShareResultWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when the agent must start the embedded broker and connect to it.</summary>
    public bool UsesEmbeddedBroker => Enabled && Host is null && EmbeddedBroker;

    /// <summary>Describes the settings without the password (records would print every property, secrets included).</summary>
    public override string ToString() =>
        UsesEmbeddedBroker
            ? $"embedded broker 127.0.0.1:{EmbeddedBrokerPort}"
            : $"{(Tls ? "mqtts" : "mqtt")}://{(Username is null ? "" : Username + "@")}{Host}:{Port}";

    /// <summary>
    /// Reads and validates the <c>mqtt:*</c> keys through <paramref name="lookup"/> (e.g. <c>key =&gt; configuration[key]</c>).
    /// </summary>
    /// <exception cref="MqttOptionsException">Lists every invalid key with its value and what is allowed.</exception>
    public static MqttOptions Parse(Func<string, string?> lookup)
    {
        var reader = new OptionReader(lookup);
        bool tls = reader.Bool("mqtt:tls", false);
        var options = new MqttOptions
        {
            Enabled = reader.Bool("mqtt:enabled", true),
            Host = reader.Host("mqtt:host"),
            Tls = tls,
            Port = reader.Int("mqtt:port", tls ? DefaultTlsPort : DefaultPort, 1, 65535),
            CaFile = reader.ExistingFile("mqtt:caFile"),
            ClientCertFile = reader.ExistingFile("mqtt:clientCertFile"),
            ClientKeyFile = reader.ExistingFile("mqtt:clientKeyFile"),
            Username = reader.Text("mqtt:username"),
            Password = reader.Text("mqtt:password"),
            DeviceId = reader.DeviceId("mqtt:deviceId"),
            Protocol = reader.Protocol("mqtt:protocol"),
            EmbeddedBroker = reader.Bool("mqtt:embeddedBroker", true),
            EmbeddedBrokerPort = reader.Int("mqtt:embeddedBrokerPort", DefaultPort, 1, 65535),
            HomeAssistant = reader.Bool("mqtt:homeAssistant", true),
            DiscoveryPrefix = reader.TopicLevel("mqtt:discoveryPrefix", MqttContract.DefaultDiscoveryPrefix),
            StatusInterval = reader.Seconds("mqtt:statusIntervalSeconds", 10, 1, 3600),
            KeepAlive = reader.Seconds("mqtt:keepAliveSeconds", 30, 5, 3600),
            ReconnectMin = reader.Seconds("mqtt:reconnectMinSeconds", 1, 0.05, 600),
            ReconnectMax = reader.Seconds("mqtt:reconnectMaxSeconds", 60, 0.05, 3600),
            ShareResultWait = reader.Seconds("mqtt:shareResultWaitSeconds", 10, 0, 300),
        };
        reader.CheckCombination(options);
        reader.ThrowIfInvalid();
        return options;
    }

    sealed class OptionReader(Func<string, string?> lookup) : SettingReader(lookup)
    {
        public TimeSpan Seconds(string key, double fallback, double min, double max)
        {
            string? value = Text(key);
            if (value is null)
            {
                return TimeSpan.FromSeconds(fallback);
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed >= min && parsed <= max)
            {
                return TimeSpan.FromSeconds(parsed);
            }

            Errors.Add($"{key} = '{value}' is invalid; allowed: seconds from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return TimeSpan.FromSeconds(fallback);
        }

        public string? Host(string key)
        {
            string? value = Text(key);
            if (value is not null && Uri.CheckHostName(value) == UriHostNameType.Unknown)
            {
                Errors.Add($"{key} = '{value}' is invalid; allowed: a host name or an IP address (empty: the embedded broker)");
                return null;
            }

            return value;
        }

        public string? ExistingFile(string key)
        {
            string? value = Text(key);
            if (value is not null && !File.Exists(value))
            {
                Errors.Add($"{key} = '{value}': no such file; allowed: the path of a readable PEM file");
            }

            return value;
        }

        public string? DeviceId(string key)
        {
            string? value = Text(key);
            if (value is not null && !Mqtt.Messages.DeviceId.IsValid(value))
            {
                Errors.Add($"{key} = '{value}' is invalid; allowed: 1 to {Mqtt.Messages.DeviceId.MaxLength} characters among a-z, A-Z, 0-9, '_' and '-'");
            }

            return value;
        }

        public string TopicLevel(string key, string fallback)
        {
            string? value = Text(key);
            if (value is null)
            {
                return fallback;
            }

            if (value.AsSpan().IndexOfAny("#+/") >= 0)
            {
                Errors.Add($"{key} = '{value}' is invalid; allowed: one topic level without '/', '+' or '#' (e.g. homeassistant)");
                return fallback;
            }

            return value;
        }

        public MqttProtocolChoice Protocol(string key)
        {
            string? value = Text(key);
            switch (value?.ToLowerInvariant())
            {
                case null or "auto": return MqttProtocolChoice.Auto;
                case "5" or "5.0" or "v5": return MqttProtocolChoice.V5;
                case "3.1.1" or "v3.1.1" or "311": return MqttProtocolChoice.V311;
                default:
                    Errors.Add($"{key} = '{value}' is invalid; allowed: auto, 5 or 3.1.1");
                    return MqttProtocolChoice.Auto;
            }
        }

        public void CheckCombination(MqttOptions options)
        {
            if (options.ReconnectMax < options.ReconnectMin)
            {
                Errors.Add($"mqtt:reconnectMaxSeconds = {options.ReconnectMax.TotalSeconds.ToString(CultureInfo.InvariantCulture)} is below mqtt:reconnectMinSeconds = {options.ReconnectMin.TotalSeconds.ToString(CultureInfo.InvariantCulture)}; allowed: at least the minimum");
            }

            if (!options.Tls && (options.CaFile ?? options.ClientCertFile ?? options.ClientKeyFile) is not null)
            {
                Errors.Add("mqtt:caFile/mqtt:clientCertFile/mqtt:clientKeyFile are set but mqtt:tls is false; set mqtt:tls = true or remove them");
            }

            if (options.ClientKeyFile is not null && options.ClientCertFile is null)
            {
                Errors.Add("mqtt:clientKeyFile is set without mqtt:clientCertFile; set both (or only the cert file when it also holds the key)");
            }

            if (options.Password is not null && options.Username is null)
            {
                Errors.Add("mqtt:password is set without mqtt:username; set both");
            }

            if (options.Host is null && options.Tls)
            {
                Errors.Add("mqtt:tls is true but mqtt:host is empty (the embedded broker speaks plain MQTT on 127.0.0.1 only); set mqtt:host to the broker's name");
            }
        }

        public void ThrowIfInvalid()
        {
            if (Errors.Count > 0)
            {
                throw new MqttOptionsException(Errors);
            }
        }
    }
}
