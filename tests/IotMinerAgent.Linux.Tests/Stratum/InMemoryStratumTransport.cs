using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// A Stratum line channel in memory: what the client writes, the test's pool side reads, and the other way round.
/// Completing the pool side's writer is the pool closing the connection.
/// </summary>
internal sealed class InMemoryStratumTransport : IStratumTransport
{
    private readonly Channel<string> _toPool = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _toClient = Channel.CreateUnbounded<string>();

    public InMemoryStratumTransport(StratumEndpoint endpoint)
    {
        Endpoint = endpoint;
    }

    public StratumEndpoint Endpoint { get; }

    /// <summary>The pool side: reads the client's lines.</summary>
    public ChannelReader<string> ClientLines => _toPool.Reader;

    /// <summary>The pool side: sends a line to the client.</summary>
    public void Send(string line) => _toClient.Writer.TryWrite(line);

    /// <summary>The pool side closes the connection.</summary>
    public void Close() => _toClient.Writer.TryComplete();

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _toClient.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        if (!_toPool.Writer.TryWrite(line))
        {
            throw new System.IO.IOException("the in-memory connection is closed");
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _toPool.Writer.TryComplete();
        _toClient.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Hands the client a fresh <see cref="InMemoryStratumTransport"/> per dial and the test its pool side.</summary>
internal sealed class InMemoryStratumDialer : IStratumDialer
{
    private readonly Channel<InMemoryStratumTransport> _dialed = Channel.CreateUnbounded<InMemoryStratumTransport>();

    /// <summary>The connections the client opened, in order.</summary>
    public ChannelReader<InMemoryStratumTransport> Dialed => _dialed.Reader;

    public Task<IStratumTransport> DialAsync(StratumEndpoint endpoint, ServerCertificatePolicy certificates, CancellationToken cancellationToken)
    {
        var transport = new InMemoryStratumTransport(endpoint);
        _dialed.Writer.TryWrite(transport);
        return Task.FromResult<IStratumTransport>(transport);
    }
}
