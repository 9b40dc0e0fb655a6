using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>
/// The byte channel to a pool: a TCP connection, optionally inside TLS, carrying newline-delimited lines in both
/// directions. Knows nothing of JSON; reading is bounded by <see cref="BoundedLineReader"/>.
/// </summary>
public sealed class StratumLineTransport : IStratumTransport
{
    private static readonly byte[] Newline = "\n"u8.ToArray();

    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly BoundedLineReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private StratumLineTransport(TcpClient tcp, Stream stream, int maxLineLength, StratumEndpoint endpoint, ILogger logger)
    {
        _tcp = tcp;
        _stream = stream;
        Endpoint = endpoint;
        _reader = new BoundedLineReader(stream, maxLineLength);
        _reader.OversizedLineSkipped += count =>
            logger.LogWarning("Skipped a line from {Endpoint} longer than {MaxLineLength} bytes ({Count} so far)", endpoint, maxLineLength, count);
    }

    /// <summary>The pool this transport is connected to.</summary>
    public StratumEndpoint Endpoint { get; }

    /// <summary>Lines skipped because they exceeded the maximum length.</summary>
    public long OversizedLines => _reader.OversizedLines;

    /// <summary>
    /// Connects to <paramref name="endpoint"/> within <paramref name="timeout"/> and, for TLS endpoints, authenticates
    /// the server with <paramref name="certificates"/>.
    /// </summary>
    /// <exception cref="AuthenticationException">The TLS certificate was refused; the message says why.</exception>
    /// <exception cref="TimeoutException">Connect and handshake took longer than <paramref name="timeout"/>.</exception>
    public static async Task<StratumLineTransport> ConnectAsync(
        StratumEndpoint endpoint,
        ServerCertificatePolicy certificates,
        TimeSpan timeout,
        int maxLineLength,
        ILogger? logger,
        CancellationToken cancellationToken)
    {
        logger ??= NullLogger.Instance;
        var tcp = new TcpClient { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (endpoint.UseTls)
            {
                stream = await AuthenticateAsync(stream, endpoint, certificates, deadline.Token).ConfigureAwait(false);
            }

            return new StratumLineTransport(tcp, stream, maxLineLength, endpoint, logger);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new TimeoutException($"Connecting to {endpoint} took longer than {timeout.TotalSeconds:0.###} s.");
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => _reader.ReadLineAsync(cancellationToken);

    /// <summary>Sends one line; the newline is appended here. Concurrent writers are serialized.</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Contains('\n'))
        {
            throw new ArgumentException("A Stratum line cannot contain a newline.", nameof(line));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(line);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.WriteAsync(Newline, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
        _writeLock.Dispose();
    }

    private static async Task<Stream> AuthenticateAsync(
        Stream network, StratumEndpoint endpoint, ServerCertificatePolicy certificates, CancellationToken cancellationToken)
    {
        string refusal = string.Empty;
        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = endpoint.Host,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                certificates.IsTrusted(certificate, chain, errors, out refusal),
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (AuthenticationException error) when (refusal.Length > 0)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new AuthenticationException($"TLS to {endpoint} refused: {refusal}.", error);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
