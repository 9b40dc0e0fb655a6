using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Glue between the line transport and the codec for one connection: numbers requests, matches responses to them,
/// and hands every server message to the client. The read loop survives any line; it ends only when the socket does.
/// </summary>
internal sealed class StratumConnection : IAsyncDisposable
{
    private readonly IStratumTransport _transport;
    private readonly Func<StratumInbound, StratumConnection, Task> _onServerMessage;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private Task? _readLoop;

    /// <summary>Wraps an open transport; call <see cref="Start"/> to begin reading.</summary>
    public StratumConnection(IStratumTransport transport, Func<StratumInbound, StratumConnection, Task> onServerMessage, ILogger logger)
    {
        _transport = transport;
        _onServerMessage = onServerMessage;
        _logger = logger;
    }

    /// <summary>The pool endpoint.</summary>
    public StratumEndpoint Endpoint => _transport.Endpoint;

    /// <summary>Completes with the reason when the connection has ended.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Starts the read loop.</summary>
    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>
    /// Sends a request built for a fresh id and waits for its response. <paramref name="inOrder"/>, when given, runs on
    /// the read loop as the response arrives, before any later line is handled (e.g. the subscribe result must be
    /// applied before the notify that follows it).
    /// </summary>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    /// <exception cref="StratumConnectionLostException">The connection ended first.</exception>
    public async Task<StratumInbound> RequestAsync(
        Func<long, string> buildLine, TimeSpan timeout, CancellationToken cancellationToken, Action<StratumInbound>? inOrder = null)
    {
        long id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<StratumInbound>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = new PendingRequest(answer, inOrder);
        try
        {
            if (_closed.Task.IsCompleted)
            {
                throw new StratumConnectionLostException(_closed.Task.Result);
            }

            await SendAsync(buildLine(id), cancellationToken).ConfigureAwait(false);
            return await answer.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Endpoint} did not answer request {id} within {timeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends one line (a reply or a request whose answer nobody waits for).</summary>
    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            Close("send failed: " + error.Message);
            throw new StratumConnectionLostException($"Connection to {Endpoint} lost while sending: {error.Message}");
        }
    }

    /// <summary>Ends the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Close("closed by the client");
        await _stop.CancelAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        if (_readLoop is not null)
        {
            await _readLoop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        string reason = "the pool closed the connection";
        try
        {
            while (true)
            {
                string? line = await _transport.ReadLineAsync(_stop.Token).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                await HandleLineAsync(line).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            reason = "closed by the client";
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            reason = "read failed: " + error.Message;
        }

        Close(reason);
    }

    private async Task HandleLineAsync(string line)
    {
        if (!StratumLineParser.TryParse(line, out StratumInbound? message, out string problem))
        {
            _logger.LogWarning("Ignored a malformed line from {Endpoint}: {Problem}", Endpoint, problem);
            return;
        }

        if (message.Kind == StratumInboundKind.Response)
        {
            if (message.ResponseId is not { } id || !_pending.TryGetValue(id, out PendingRequest? request))
            {
                _logger.LogDebug("Ignored a response from {Endpoint} to no pending request (id {Id})", Endpoint, message.ResponseId);
                return;
            }

            request.InOrder?.Invoke(message);
            request.Answer.TrySetResult(message);
            return;
        }

        try
        {
            await _onServerMessage(message, this).ConfigureAwait(false);
        }
        catch (StratumConnectionLostException)
        {
            // The reply could not be sent; the read loop sees the closed socket next.
        }
    }

    private void Close(string reason)
    {
        if (!_closed.TrySetResult(reason))
        {
            return;
        }

        foreach (PendingRequest request in _pending.Values)
        {
            request.Answer.TrySetException(new StratumConnectionLostException($"Connection to {Endpoint} lost: {reason}"));
        }
    }

    private sealed record PendingRequest(TaskCompletionSource<StratumInbound> Answer, Action<StratumInbound>? InOrder);
}
