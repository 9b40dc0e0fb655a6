using System;
using System.Collections.Generic;
using System.Net;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// The <c>api:*</c> settings of the local REST API, <c>/metrics</c> and the dashboard, validated by <see cref="Parse"/>
/// before the host starts. A bind beyond loopback without an access token is a configuration error (exit 78): the API
/// would otherwise hand the device's status, and with <c>api:readOnly=false</c> its controls, to the whole network.
/// </summary>
public sealed record ApiOptions
{
    /// <summary>
    /// Default port: 4048, the port cpuminer-opt (<c>--api-bind</c>) and XMRig's HTTP API are usually run on, so tools
    /// and habits of hobby miners carry over.
    /// </summary>
    public const int DefaultPort = 4048;

    /// <summary>Largest request body read, bytes: the API's only bodies are a handful of numbers (<c>PUT /api/v1/limits</c>).</summary>
    public const long MaxRequestBodyBytes = 4096;

    /// <summary>Shortest access token accepted: 16 characters, so it cannot be guessed over the network in practice.</summary>
    public const int MinTokenLength = 16;

    /// <summary><c>api:enabled</c>: serve the API and dashboard. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>api:host</c>: the address Kestrel binds. Default 127.0.0.1 (this device only).</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary><c>api:port</c>: the TCP port; 0 lets the system choose (tests). Default 4048.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary><c>api:accessToken</c>: the Bearer token every API request must carry; null when none is required (loopback only). Never logged.</summary>
    public string? AccessToken { get; init; }

    /// <summary><c>api:readOnly</c>: refuse pause, resume and limits. Default true.</summary>
    public bool ReadOnly { get; init; } = true;

    /// <summary>Reads and validates the section; throws <see cref="ConfigurationException"/> naming every bad key.</summary>
    public static ApiOptions Parse(Func<string, string?> lookup)
    {
        var reader = new Reader(lookup);
        var options = new ApiOptions
        {
            Enabled = reader.Bool("api:enabled", true),
            Host = reader.Address("api:host"),
            Port = reader.Int("api:port", DefaultPort, 0, 65535),
            AccessToken = reader.Token("api:accessToken"),
            ReadOnly = reader.Bool("api:readOnly", true),
        };
        reader.CheckExposure(options);
        reader.ThrowIfAny();
        return options;
    }

    private sealed class Reader(Func<string, string?> lookup) : SettingReader(lookup)
    {
        public IPAddress Address(string key)
        {
            string? value = Text(key);
            if (value is null || string.Equals(value, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return IPAddress.Loopback;
            }

            if (IPAddress.TryParse(value, out IPAddress? address))
            {
                return address;
            }

            Errors.Add($"{key} = '{value}' is invalid; allowed: an IP address of this device (127.0.0.1, ::1, 0.0.0.0 for every interface, or a LAN address) or localhost");
            return IPAddress.Loopback;
        }

        public string? Token(string key)
        {
            // The value is a secret: messages name the key and the rule, never the value.
            string? value = Text(key);
            if (value is not null && value.Length < MinTokenLength)
            {
                Errors.Add($"{key} is too short ({value.Length} characters); allowed: at least {MinTokenLength} characters (e.g. the output of 'openssl rand -hex 24')");
            }

            return value;
        }

        public void CheckExposure(ApiOptions options)
        {
            if (options.Enabled && !IPAddress.IsLoopback(options.Host) && options.AccessToken is null)
            {
                Errors.Add($"api:host = '{options.Host}' is reachable from the network but api:accessToken is not set; allowed: set api:accessToken (at least {MinTokenLength} characters, e.g. 'openssl rand -hex 24') or bind api:host to 127.0.0.1");
            }
        }

        public void ThrowIfAny()
        {
            if (Errors.Count > 0)
            {
                throw new ConfigurationException(string.Join("\n", (IEnumerable<string>)Errors));
            }
        }
    }
}
