using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Duino.Transport;

/// <summary>
/// One TCP connection to a Duino-Coin node, as lines: newline-terminated UTF-8 out, bounded lines in (a node that
/// sends an endless line cannot grow the buffer). No protocol knowledge here.
/// </summary>
public sealed class DuinoLineConnection : IAsyncDisposable
{
    /// <summary>Longest line kept: a job is 40 + 1 + 40 + 1 + 8 characters; a MOTD or reason is short text.</summary>
    private const int MaxLineLength = 1024;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly BoundedLineReader _reader;
    private readonly TimeSpan _answerTimeout;

    private DuinoLineConnection(TcpClient client, TimeSpan answerTimeout)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new BoundedLineReader(_stream, MaxLineLength);
        _answerTimeout = answerTimeout;
    }

    /// <summary>Connects to <paramref name="endpoint"/> within <paramref name="answerTimeout"/>.</summary>
    public static async Task<DuinoLineConnection> ConnectAsync(DuinoEndpoint endpoint, TimeSpan answerTimeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(answerTimeout);
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token).ConfigureAwait(false);
            return new DuinoLineConnection(client, answerTimeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one line, which must end in a newline (the codec writes it so).</summary>
    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next line; <see cref="DuinoConnectionLostException"/> when the node closed the connection or stayed silent too long.</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_answerTimeout);
        try
        {
            return await _reader.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                ?? throw new DuinoConnectionLostException("the node closed the connection");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DuinoConnectionLostException($"no answer from the node within {_answerTimeout.TotalSeconds:0} s");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
