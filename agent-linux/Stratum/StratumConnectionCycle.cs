using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// The connection cycle of <see cref="StratumClient"/>: connect, handshake, supervise, and decide where and when to
/// reconnect (failover down the pool list, back to the primary, <c>client.reconnect</c>). Shares the client's lock
/// and session; the jobs go to a <see cref="StratumJobFeed"/>, the submit path to a <see cref="StratumShareSender"/>.
/// </summary>
internal sealed class StratumConnectionCycle
{
    private readonly object _gate;
    private readonly StratumSession _session;
    private readonly StratumClientOptions _options;
    private readonly ILogger _logger;
    private readonly StratumJobFeed _feed;
    private readonly StratumShareSender _shares;
    private readonly StratumHandshake _handshake;
    private readonly IStratumDialer _dialer;
    private readonly PoolFailover _failover;
    private readonly Action<StratumClientState> _setState;
    private readonly Action<string> _operatorMessage;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource<ReconnectRequest> _reconnectRequested = NewReconnectSignal();
    private StratumEndpoint? _redirect;
    private StratumPoolOptions? _currentPool;
    private string? _lastFailure;
    private bool _authorized;

    private enum EndKind
    {
        Reconnect,
        SwitchToPrimary,
    }

    /// <summary>
    /// Runs connections for the <paramref name="gate"/>-guarded <paramref name="session"/>; reports state changes and
    /// the pool's operator messages through <paramref name="setState"/> and <paramref name="operatorMessage"/>.
    /// </summary>
    public StratumConnectionCycle(
        object gate,
        StratumSession session,
        StratumClientOptions options,
        ILogger logger,
        StratumJobFeed feed,
        StratumShareSender shares,
        IStratumDialer dialer,
        Random random,
        Action<StratumClientState> setState,
        Action<string> operatorMessage)
    {
        _gate = gate;
        _session = session;
        _options = options;
        _logger = logger;
        _feed = feed;
        _shares = shares;
        _dialer = dialer;
        _setState = setState;
        _operatorMessage = operatorMessage;
        _handshake = new StratumHandshake(gate, session, options, logger);
        _failover = new PoolFailover(options, random);
    }

    /// <summary>Index in <see cref="StratumClientOptions.Pools"/> of the pool in use or being tried (0 = primary).</summary>
    public int CurrentPoolIndex
    {
        get { lock (_gate) { return _failover.CurrentIndex; } }
    }

    /// <summary>The pool in use, or null when not connected.</summary>
    public StratumPoolOptions? CurrentPool
    {
        get { lock (_gate) { return _currentPool; } }
    }

    /// <summary>Why the last connection attempt or connection failed, or null.</summary>
    public string? LastFailure
    {
        get { lock (_gate) { return _lastFailure; } }
    }

    /// <summary>Runs connections, one after the other, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                TimeSpan delay = await RunOneConnectionAsync(cancellationToken).ConfigureAwait(false);
                _setState(StratumClientState.WaitingToReconnect);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }

    // Runs one connection from connect to its end; returns the delay before the next attempt.
    private async Task<TimeSpan> RunOneConnectionAsync(CancellationToken cancellationToken)
    {
        int poolIndex;
        StratumPoolOptions pool;
        lock (_gate)
        {
            poolIndex = _failover.CurrentIndex;
            pool = _failover.Current;
        }

        StratumEndpoint endpoint = _redirect ?? StratumEndpoint.Parse(pool.Url);
        try
        {
            (EndKind kind, ReconnectRequest? request) = await ConnectAndMineAsync(poolIndex, pool, endpoint, cancellationToken).ConfigureAwait(false);
            if (kind == EndKind.Reconnect)
            {
                return FollowReconnect(request!, endpoint);
            }

            _redirect = null;
            return TimeSpan.Zero;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(error.Message, endpoint);
        }
        finally
        {
            EndSession();
        }
    }

    private async Task<(EndKind Kind, ReconnectRequest? Request)> ConnectAndMineAsync(
        int poolIndex, StratumPoolOptions pool, StratumEndpoint endpoint, CancellationToken cancellationToken)
    {
        _setState(StratumClientState.Connecting);
        _logger.LogInformation("Connecting to {Endpoint} as {User}", endpoint, pool.User);
        IStratumTransport transport = await _dialer.DialAsync(
            endpoint, ServerCertificatePolicy.FromSettings(pool.TlsCaFile, pool.TlsPinSha256), cancellationToken).ConfigureAwait(false);
        await using var connection = new StratumConnection(transport, OnServerMessageAsync, _logger);
        lock (_gate)
        {
            _reconnectRequested = NewReconnectSignal();
            _feed.ConnectionStartedLocked(_clock.Elapsed);
            _currentPool = pool;
        }

        connection.Start();
        await HandshakeAsync(connection, poolIndex, pool, endpoint, cancellationToken).ConfigureAwait(false);
        return await SuperviseAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandshakeAsync(StratumConnection connection, int poolIndex, StratumPoolOptions pool, StratumEndpoint endpoint, CancellationToken cancellationToken)
    {
        await _handshake.NegotiateAsync(connection, poolIndex, pool, endpoint, cancellationToken).ConfigureAwait(false);
        string extranonce1;
        uint versionMask;
        lock (_gate)
        {
            _authorized = true;
            _failover.Succeeded(DateTimeOffset.UtcNow);
            _feed.PublishLocked(cleanJobs: true);
            ReadyIfJobLocked(connection, pool.User);
            extranonce1 = _session.Extranonce1Hex;
            versionMask = _session.VersionMask;
        }

        _setState(StratumClientState.Mining);
        _logger.LogInformation("Mining on {Endpoint} (extranonce1 {Extranonce1}, version mask {Mask})", endpoint, extranonce1, HexField.Word(versionMask));
    }

    // Called under _gate: a connection that is authorized and has a job becomes the submit path.
    private void ReadyIfJobLocked(StratumConnection connection, string user)
    {
        if (_authorized && _feed.JobOnConnectionLocked)
        {
            _shares.OpenLocked(connection, user);
        }
    }

    // Waits for the connection to end, a reconnect request, a silent pool, or a primary that is back.
    private async Task<(EndKind Kind, ReconnectRequest? Request)> SuperviseAsync(StratumConnection connection, CancellationToken cancellationToken)
    {
        Task<ReconnectRequest> reconnect;
        lock (_gate)
        {
            reconnect = _reconnectRequested.Task;
        }

        TimeSpan tick = Min(TimeSpan.FromSeconds(1), _options.NoJobTimeout / 4, _options.PrimaryProbeInterval / 4);
        while (true)
        {
            Task finished = await Task.WhenAny(connection.Closed, reconnect, Task.Delay(tick, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished == connection.Closed)
            {
                throw new StratumConnectionLostException($"Connection to {connection.Endpoint} lost: {connection.Closed.Result}");
            }

            if (finished == reconnect)
            {
                return (EndKind.Reconnect, reconnect.Result);
            }

            if (_clock.Elapsed - _feed.LastJobAt > _options.NoJobTimeout)
            {
                throw new TimeoutException($"{connection.Endpoint} sent no job for {_options.NoJobTimeout.TotalSeconds:0.###} s.");
            }

            if (ShouldProbePrimary() && await ProbePrimaryAsync(cancellationToken).ConfigureAwait(false))
            {
                return (EndKind.SwitchToPrimary, null);
            }
        }
    }

    private bool ShouldProbePrimary()
    {
        lock (_gate)
        {
            return _failover.ShouldProbePrimary(DateTimeOffset.UtcNow);
        }
    }

    // The primary is back when it accepts a connection and answers mining.subscribe; the probe then closes.
    private async Task<bool> ProbePrimaryAsync(CancellationToken cancellationToken)
    {
        StratumPoolOptions primary = _options.Pools[0];
        bool back = false;
        try
        {
            IStratumTransport transport = await _dialer.DialAsync(
                StratumEndpoint.Parse(primary.Url), ServerCertificatePolicy.FromSettings(primary.TlsCaFile, primary.TlsPinSha256), cancellationToken).ConfigureAwait(false);
            await using var probe = new StratumConnection(transport, static (_, _) => Task.CompletedTask, _logger);
            probe.Start();
            StratumInbound answer = await probe.RequestAsync(
                id => StratumRequestWriter.Subscribe(id, _options.UserAgent, null), _options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
            back = answer.Error is null && SubscribeResult.TryParse(answer.Result, out _);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("Primary pool still down: {Problem}", error.Message);
        }

        lock (_gate)
        {
            _failover.Probed(back, DateTimeOffset.UtcNow);
        }

        if (back)
        {
            _logger.LogInformation("Primary pool {Url} is back; switching to it", primary.Url);
        }

        return back;
    }

    private Task OnServerMessageAsync(StratumInbound message, StratumConnection connection)
    {
        SessionUpdate update;
        lock (_gate)
        {
            update = _feed.ApplyLocked(message, _authorized, _clock.Elapsed);
            if (update.JobReceived && _authorized)
            {
                ReadyIfJobLocked(connection, _currentPool!.User);
            }

            if (update.Reconnect is { } request)
            {
                _reconnectRequested.TrySetResult(request);
            }
        }

        ReportUpdate(update, connection.Endpoint);
        return update.Reply is null ? Task.CompletedTask : connection.SendAsync(update.Reply, CancellationToken.None);
    }

    private void ReportUpdate(SessionUpdate update, StratumEndpoint endpoint)
    {
        if (update.Problem is not null)
        {
            _logger.LogWarning("Ignored a message from {Endpoint}: {Problem}", endpoint, update.Problem);
        }

        if (update.OperatorMessage is not null)
        {
            _logger.LogInformation("Message from {Endpoint}: {Text}", endpoint, update.OperatorMessage);
            _operatorMessage(update.OperatorMessage);
        }
    }

    // client.reconnect: to another port of the same host, or (only when allowed) to another host; the wait replaces
    // the backoff. A refused redirect still reconnects, to the same address, as the pool asked for a reconnect.
    private TimeSpan FollowReconnect(ReconnectRequest request, StratumEndpoint current)
    {
        string host = request.Host.Length == 0 ? current.Host : request.Host;
        if (!string.Equals(host, current.Host, StringComparison.OrdinalIgnoreCase) && !_options.AllowRedirectToOtherHost)
        {
            _logger.LogWarning("Pool asked to reconnect to another host {Host}; reconnecting to {Current} instead (AllowRedirectToOtherHost is off)", request.Host, current);
        }
        else
        {
            _redirect = current with { Host = host, Port = request.Port == 0 ? current.Port : request.Port };
        }

        _logger.LogInformation("Pool asked to reconnect; reconnecting to {Endpoint} in {Wait} s", _redirect ?? current, request.WaitSeconds);
        return TimeSpan.FromSeconds(request.WaitSeconds);
    }

    private TimeSpan Failed(string reason, StratumEndpoint endpoint)
    {
        TimeSpan delay;
        lock (_gate)
        {
            _lastFailure = reason;
            delay = _failover.Failed();
        }

        // A redirect that fails is forgotten: the next attempt uses the configured address.
        _redirect = null;
        _logger.LogWarning("Pool {Endpoint}: {Reason}; next attempt in {Delay:0.###} s", endpoint, reason, delay.TotalSeconds);
        return delay;
    }

    private void EndSession()
    {
        lock (_gate)
        {
            _authorized = false;
            _shares.CloseLocked();
            _currentPool = null;
        }
    }

    private static TaskCompletionSource<ReconnectRequest> NewReconnectSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => TimeSpan.FromTicks(Math.Min(a.Ticks, Math.Min(b.Ticks, c.Ticks)));
}
