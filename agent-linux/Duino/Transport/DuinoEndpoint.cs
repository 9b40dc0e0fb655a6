using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Duino.Transport;

/// <summary>A Duino node address, <c>host:port</c> (the shape the node picker's ip and port make).</summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port, 1..65535.</param>
public sealed record DuinoEndpoint(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DuinoEndpoint? endpoint)
    {
        endpoint = null;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || text.Contains("://", StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            return false;
        }

        string host = text[..colon].Trim('[', ']');
        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        endpoint = new DuinoEndpoint(host, port);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
