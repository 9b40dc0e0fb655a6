using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Opens a Stratum session on a fresh connection: mining.configure (BIP 310 version rolling), mining.subscribe
/// (resuming the previous session on the same pool), mining.authorize, then the optional requests. Remembers which
/// pool the session belongs to, so a reconnect to another pool starts a new one. Shares the client's lock and session.
/// </summary>
internal sealed class StratumHandshake
{
    private readonly object _gate;
    private readonly StratumSession _session;
    private readonly StratumClientOptions _options;
    private readonly ILogger _logger;
    private int _sessionPoolIndex = -1;
    private StratumEndpoint? _sessionEndpoint;

    /// <summary>Negotiates into the <paramref name="gate"/>-guarded <paramref name="session"/>.</summary>
    public StratumHandshake(object gate, StratumSession session, StratumClientOptions options, ILogger logger)
    {
        _gate = gate;
        _session = session;
        _options = options;
        _logger = logger;
    }

    /// <summary>Configures, subscribes and authorizes; throws when the pool refuses the subscribe or the worker.</summary>
    /// <exception cref="StratumProtocolException">The pool refused mining.subscribe or mining.authorize.</exception>
    public async Task NegotiateAsync(StratumConnection connection, int poolIndex, StratumPoolOptions pool, StratumEndpoint endpoint, CancellationToken cancellationToken)
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
}
