using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>The connection cycle: connect, handshake, supervise, and decide where and when to reconnect.</summary>
public sealed partial class StratumClient
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource<ReconnectRequest> _reconnectRequested = NewReconnectSignal();
    private StratumEndpoint? _redirect;
    private int _sessionPoolIndex = -1;
    private StratumEndpoint? _sessionEndpoint;
    private TimeSpan _lastJobAt;
    private bool _authorized;
    private bool _jobOnConnection;

    private enum EndKind
    {
        Reconnect,
        SwitchToPrimary,
    }

    /// <summary>
    /// Connects and keeps mining until <paramref name="cancellationToken"/> is cancelled: reconnects with jittered
    /// backoff, fails over down the pool list and back to the primary, and follows <c>client.reconnect</c>.
    /// Returns when cancelled; pending shares are then dropped, later submits too, and <see cref="Work"/> completes.
    /// Call it once per client.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                TimeSpan delay = await RunOneConnectionAsync(cancellationToken).ConfigureAwait(false);
                SetState(StratumClientState.WaitingToReconnect);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
        finally
        {
            SetState(StratumClientState.Stopped);
            Stop("the client stopped");
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
        SetState(StratumClientState.Connecting);
        _logger.LogInformation("Connecting to {Endpoint} as {User}", endpoint, pool.User);
        StratumLineTransport transport = await StratumLineTransport.ConnectAsync(
            endpoint, ServerCertificatePolicy.FromSettings(pool.TlsCaFile, pool.TlsPinSha256), _options.ConnectTimeout, _options.MaxLineLength, _logger, cancellationToken).ConfigureAwait(false);
        await using var connection = new StratumConnection(transport, OnServerMessageAsync, _logger);
        lock (_gate)
        {
            _reconnectRequested = NewReconnectSignal();
            _lastJobAt = _clock.Elapsed;
            _jobOnConnection = false;
            _currentPool = pool;
        }

        connection.Start();
        await HandshakeAsync(connection, poolIndex, pool, endpoint, cancellationToken).ConfigureAwait(false);
        return await SuperviseAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandshakeAsync(StratumConnection connection, int poolIndex, StratumPoolOptions pool, StratumEndpoint endpoint, CancellationToken cancellationToken)
    {
        bool samePool;
        string? resumeId;
        lock (_gate)
        {
            samePool = poolIndex == _sessionPoolIndex && endpoint == _sessionEndpoint;
            resumeId = samePool ? _session.SubscriptionId : null;
            _session.ResetNegotiation();
        }

        // BIP 310 configure goes first; pools that do not know it answer with an error or not at all, which the
        // pipelined subscribe tolerates: pools answer in order, so the configure answer, if any, is applied (on the
        // read loop) before the subscribe answer arrives, and no answer means "unsupported".
        if (_options.VersionRolling)
        {
            uint mask = _options.ParsedVersionRollingMask;
            LogAnswer(
                connection.RequestAsync(id => StratumRequestWriter.Configure(id, mask), _options.ResponseTimeout, cancellationToken, answer => ApplyConfigure(answer, mask)),
                StratumMethods.Configure);
        }
        bool? resumed = null;
        StratumInbound subscribed = await connection.RequestAsync(
            id => StratumRequestWriter.Subscribe(id, _options.UserAgent, resumeId),
            _options.ResponseTimeout,
            cancellationToken,
            answer => resumed = ApplySubscribe(answer, poolIndex, endpoint, samePool)).ConfigureAwait(false);
        if (resumed is null)
        {
            throw new StratumProtocolException($"{endpoint} refused mining.subscribe: {subscribed.Error?.ToString() ?? "malformed result"}.");
        }

        _logger.LogDebug("Subscribed to {Endpoint}; session {State}", endpoint, resumed.Value ? "resumed" : "new");

        StratumInbound authorized = await connection.RequestAsync(
            id => StratumRequestWriter.Authorize(id, pool.User, pool.Password), _options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
        if (authorized.Error is not null || authorized.Result.ValueKind != System.Text.Json.JsonValueKind.True)
        {
            throw new StratumProtocolException($"{endpoint} refused worker '{pool.User}': {authorized.Error?.ToString() ?? "authorize returned false"}. Check the user and password.");
        }

        SendOptionalRequests(connection, cancellationToken);
        string extranonce1;
        uint versionMask;
        lock (_gate)
        {
            _authorized = true;
            _failover.Succeeded(DateTimeOffset.UtcNow);
            PublishWorkLocked(cleanJobs: true);
            ReadyIfJobLocked(connection, pool.User);
            extranonce1 = _session.Extranonce1Hex;
            versionMask = _session.VersionMask;
        }

        SetState(StratumClientState.Mining);
        _logger.LogInformation("Mining on {Endpoint} (extranonce1 {Extranonce1}, version mask {Mask})", endpoint, extranonce1, HexField.Word(versionMask));
    }

    private void ApplyConfigure(StratumInbound answer, uint mask)
    {
        bool granted = false;
        uint grantedMask = 0;
        if (answer.Error is null)
        {
            ServerParams.TryReadConfigureResult(answer.Result, out granted, out grantedMask);
        }

        lock (_gate)
        {
            _session.ApplyConfigure(mask, granted, grantedMask);
        }
    }

    // Runs on the read loop as the answer arrives, so jobs that follow it see the new extranonce1; null = refused.
    private bool? ApplySubscribe(StratumInbound subscribed, int poolIndex, StratumEndpoint endpoint, bool samePool)
    {
        if (subscribed.Error is not null || !SubscribeResult.TryParse(subscribed.Result, out SubscribeResult? result))
        {
            return null;
        }

        lock (_gate)
        {
            _sessionPoolIndex = poolIndex;
            _sessionEndpoint = endpoint;
            return _session.ApplySubscribe(result, samePool);
        }
    }

    private void SendOptionalRequests(StratumConnection connection, CancellationToken cancellationToken)
    {
        if (_options.SuggestDifficulty is { } difficulty)
        {
            LogAnswer(connection.RequestAsync(id => StratumRequestWriter.SuggestDifficulty(id, difficulty), _options.ResponseTimeout, cancellationToken), StratumMethods.SuggestDifficulty);
        }

        if (_options.ExtranonceSubscribe)
        {
            LogAnswer(connection.RequestAsync(StratumRequestWriter.ExtranonceSubscribe, _options.ResponseTimeout, cancellationToken), StratumMethods.ExtranonceSubscribe);
        }
    }

    private void LogAnswer(Task<StratumInbound> request, string method) =>
        request.ContinueWith(
            task => _logger.LogDebug("{Method}: {Answer}", method, task.IsCompletedSuccessfully ? task.Result.Error?.ToString() ?? "ok" : "no answer"),
            TaskScheduler.Default);

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

            if (_clock.Elapsed - LastJobAt() > _options.NoJobTimeout)
            {
                throw new TimeoutException($"{connection.Endpoint} sent no job for {_options.NoJobTimeout.TotalSeconds:0.###} s.");
            }

            if (ShouldProbePrimary() && await ProbePrimaryAsync(cancellationToken).ConfigureAwait(false))
            {
                return (EndKind.SwitchToPrimary, null);
            }
        }
    }

    private TimeSpan LastJobAt()
    {
        lock (_gate)
        {
            return _lastJobAt;
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
            StratumLineTransport transport = await StratumLineTransport.ConnectAsync(
                StratumEndpoint.Parse(primary.Url), ServerCertificatePolicy.FromSettings(primary.TlsCaFile, primary.TlsPinSha256), _options.ConnectTimeout, _options.MaxLineLength, _logger, cancellationToken).ConfigureAwait(false);
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
            update = _session.Apply(message);
            if (update.JobReceived)
            {
                _lastJobAt = _clock.Elapsed;
                _jobOnConnection = true;
            }

            if (update.WorkChanged && _authorized)
            {
                PublishWorkLocked(cleanJobs: message.Method == StratumMethods.Notify && _session.CurrentJob!.CleanJobs);
            }

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
            OperatorMessage?.Invoke(this, update.OperatorMessage);
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
            _ready = null;
            _currentPool = null;
        }
    }

    private static TaskCompletionSource<ReconnectRequest> NewReconnectSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => TimeSpan.FromTicks(Math.Min(a.Ticks, Math.Min(b.Ticks, c.Ticks)));
}
