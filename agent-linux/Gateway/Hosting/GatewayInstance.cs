using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Mqtt.Connection;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>
/// One running gateway, composed: upstream (watched) → <see cref="FleetDispatcher"/> (jobs, judging, ledger) →
/// <see cref="GatewayMqttLink"/> (devices), plus its status on MQTT and in the log. The host runs one; the
/// tests and the load benchmark run several side by side.
/// </summary>
public sealed class GatewayInstance : IAsyncDisposable
{
    static readonly TimeSpan ActiveWindow = TimeSpan.FromMinutes(5);
    static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    readonly MqttOptions _mqtt;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly LedgerRetention _retention;
    readonly long _started;
    long _lastShares;
    long _lastSample;
    long _lastLogged;

    /// <summary>
    /// Composes the gateway; nothing connects before <see cref="RunAsync"/>. With <paramref name="energy"/>, the devices'
    /// energy counters and credited shares go to the fleet energy ledger (docs/gateway.md, "Fleet energy ledger").
    /// </summary>
    public GatewayInstance(GatewayOptions gateway, MqttOptions mqtt, IGatewayUpstream upstream, IDeviceLedger ledger, TimeProvider time, ILoggerFactory loggers,
        FleetEnergy? energy = null)
    {
        _mqtt = mqtt;
        _time = time;
        _logger = loggers.CreateLogger<GatewayInstance>();
        Upstream = new ObservedUpstream(upstream);
        Energy = energy;
        IDeviceLedger judging = new RetryingDeviceLedger(ledger, loggers.CreateLogger<RetryingDeviceLedger>());
        IDeviceLedger book = energy is null ? judging : new CreditedShares(judging, energy.Book, upstream.Algorithm, () => Upstream.NetworkDifficulty);
        Dispatcher = new FleetDispatcher(Upstream, book, gateway.Fleet, time, loggers.CreateLogger<FleetDispatcher>());
        Counters = new GatewayCounters(time);
        Link = new GatewayMqttLink(mqtt, new GatewayTopics(gateway.Instance, gateway.Group), Dispatcher, gateway.Link with { UpstreamAlgorithm = upstream.Algorithm },
            Counters, time, loggers.CreateLogger<GatewayMqttLink>());
        Link.Connected += PublishStatusAsync;

        // The lag the fleet's pace follows: from a share's arrival to the broker's PUBACK of its verdict.
        Link.ShareAnswered += timing => Dispatcher.Pace.Observe(time.GetElapsedTime(timing.ReceivedAt, timing.AckedAt));
        Link.Energy = energy?.Book;
        _retention = new LedgerRetention(ledger, gateway.RetentionDays, time, loggers.CreateLogger<LedgerRetention>());
        _started = _lastSample = _lastLogged = time.GetTimestamp();
    }

    /// <summary>The upstream, watched for status.</summary>
    public ObservedUpstream Upstream { get; }

    /// <summary>The dispatcher.</summary>
    public FleetDispatcher Dispatcher { get; }

    /// <summary>The MQTT side.</summary>
    public GatewayMqttLink Link { get; }

    /// <summary>The fleet energy ledger; null when this gateway keeps none.</summary>
    public FleetEnergy? Energy { get; }

    /// <summary>The MQTT side's counters.</summary>
    public GatewayCounters Counters { get; }

    /// <summary>
    /// Runs upstream, devices and status until cancelled. If the dispatcher or the link fails, the others are stopped
    /// and the failure is thrown (the host then exits non-zero and systemd restarts it).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Gateway {Instance} starting: upstream {Upstream} ({Algorithm}), broker {Broker}, group {Group}",
            Link.Topics.Instance, Upstream.DisplayName, Upstream.Algorithm, _mqtt, Link.Topics.Group);
        if (Energy is not null)
        {
            // Before any status arrives: each device's counting goes on from its stored counter.
            await Energy.RestoreAsync(cancellationToken).ConfigureAwait(false);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] parts = [Dispatcher.RunAsync(stop.Token), Link.RunAsync(stop.Token), ReportAsync(stop.Token), _retention.RunAsync(stop.Token)];
        if (Energy is not null)
        {
            // Not a completed placeholder without it: the first part to end stops the others.
            parts = [.. parts, Energy.RunAsync(stop.Token)];
        }
        Task first = await Task.WhenAny(parts).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(parts).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        if (first.IsFaulted && !cancellationToken.IsCancellationRequested)
        {
            await first.ConfigureAwait(false);
        }

        _logger.LogInformation("Gateway {Instance} stopped: {Status}", Link.Topics.Instance, Snapshot().Describe());
    }

    /// <summary>The gateway now; shares per second are counted since the previous snapshot.</summary>
    public GatewaySnapshot Snapshot()
    {
        long now = _time.GetTimestamp();
        long shares = Counters.SharesReceived;
        double seconds = _time.GetElapsedTime(Interlocked.Exchange(ref _lastSample, now), now).TotalSeconds;
        long previous = Interlocked.Exchange(ref _lastShares, shares);
        double rate = seconds > 0 ? (shares - previous) / seconds : 0;
        return new GatewaySnapshot(Link.Topics.Instance, _time.GetUtcNow(), Counters.ActiveDevices(ActiveWindow), rate, Counters, Upstream, _time.GetElapsedTime(_started, now));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Link.DisposeAsync();

    async Task ReportAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_mqtt.StatusInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await PublishStatusAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    async Task PublishStatusAsync(CancellationToken cancellationToken)
    {
        GatewaySnapshot snapshot = Snapshot();
        long now = _time.GetTimestamp();
        long logged = Interlocked.Read(ref _lastLogged);
        if (_time.GetElapsedTime(logged, now) >= LogEvery && Interlocked.CompareExchange(ref _lastLogged, now, logged) == logged)
        {
            _logger.LogInformation("{Status}", snapshot.Describe());
        }

        if (Link.IsConnected)
        {
            await Link.PublishAsync(Link.Topics.Status, snapshot.ToJson(), retain: true, cancellationToken).ConfigureAwait(false);
        }
    }
}
