using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>Dials pools over TCP, optionally inside TLS, with <see cref="StratumLineTransport"/>.</summary>
public sealed class TcpStratumDialer : IStratumDialer
{
    private readonly TimeSpan _connectTimeout;
    private readonly int _maxLineLength;
    private readonly ILogger? _logger;

    /// <summary>Connects within <paramref name="connectTimeout"/>; lines longer than <paramref name="maxLineLength"/> bytes are skipped.</summary>
    public TcpStratumDialer(TimeSpan connectTimeout, int maxLineLength, ILogger? logger)
    {
        _connectTimeout = connectTimeout;
        _maxLineLength = maxLineLength;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<IStratumTransport> DialAsync(StratumEndpoint endpoint, ServerCertificatePolicy certificates, CancellationToken cancellationToken) =>
        await StratumLineTransport.ConnectAsync(endpoint, certificates, _connectTimeout, _maxLineLength, _logger, cancellationToken).ConfigureAwait(false);
}
