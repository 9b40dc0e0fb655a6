using System;
using System.Globalization;
using System.Linq;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>Where a pool listens: host, port and whether the line stream runs inside TLS.</summary>
/// <param name="Host">DNS name or IP address, also the name the TLS certificate must carry.</param>
/// <param name="Port">TCP port, 1..65535.</param>
/// <param name="UseTls">True for <c>stratum+ssl://</c> and <c>stratum+tcps://</c>.</param>
public sealed record StratumEndpoint(string Host, int Port, bool UseTls)
{
    /// <summary>The URL schemes a pool address may use.</summary>
    public const string SupportedSchemes = "stratum+tcp://, stratum+ssl:// or stratum+tcps://";

    /// <summary>Parses <c>stratum+tcp://host:port</c>, <c>stratum+ssl://host:port</c> or <c>stratum+tcps://host:port</c>.</summary>
    /// <exception cref="FormatException">The URL is not a Stratum address; the message names the problem and the fix.</exception>
    public static StratumEndpoint Parse(string url)
    {
        if (!TryParse(url, out StratumEndpoint? endpoint, out string problem))
        {
            throw new FormatException(problem);
        }

        return endpoint;
    }

    /// <summary>Parses a pool URL; on failure <paramref name="problem"/> names what is wrong and how to fix it.</summary>
    public static bool TryParse(string? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StratumEndpoint? endpoint, out string problem)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = "The pool URL is empty: give one like stratum+tcp://pool.example.org:3333.";
            return false;
        }

        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        string scheme = schemeEnd < 0 ? string.Empty : url[..schemeEnd].ToLowerInvariant();
        bool? tls = scheme switch
        {
            "stratum+tcp" => false,
            "stratum+ssl" or "stratum+tcps" => true,
            _ => null,
        };
        if (tls is null)
        {
            problem = $"The pool URL '{url}' must start with {SupportedSchemes}.";
            return false;
        }

        string authority = url[(schemeEnd + 3)..].TrimEnd('/');
        if (!TrySplitHostPort(authority, out string host, out int port))
        {
            problem = $"The pool URL '{url}' needs a host and a port 1..65535, like {scheme}://pool.example.org:3333.";
            return false;
        }

        endpoint = new StratumEndpoint(host, port, tls.Value);
        problem = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(UseTls ? "stratum+ssl" : "stratum+tcp")}://{FormatHost(Host)}:{Port}";

    private static bool TrySplitHostPort(string authority, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        int colon = authority.LastIndexOf(':');
        if (colon <= 0 || authority.Contains('/') || authority.Contains('@'))
        {
            return false;
        }

        host = authority[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return host.Length > 0
            && !host.Any(char.IsWhiteSpace)
            && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    private static string FormatHost(string host) => host.Contains(':') ? $"[{host}]" : host;
}
