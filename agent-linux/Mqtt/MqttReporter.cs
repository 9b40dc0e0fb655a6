using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Status;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>
/// Everything MQTT of one agent, wired together: the connection (or the embedded broker and a connection to it),
/// the share outbox publisher, the status publisher, the command handler and Home Assistant discovery.
/// The agent host creates one, calls <see cref="RunAsync"/> for its lifetime, enqueues shares in
/// <see cref="Outbox"/> and calls <see cref="NotifyStatusChanged"/> when its state changes.
/// </summary>
public sealed class MqttReporter
{
    readonly MqttOptions _options;
    readonly IAgentStatusSource _status;
    readonly IAgentControl _control;
    readonly string _version;
    readonly ILoggerFactory _loggers;
    readonly TimeProvider _time;
    readonly TaskCompletionSource<MqttConnection> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly SemaphoreSlim _discoveryWanted = new(0);
    readonly List<string> _listened = [];
    Action<string, byte[]>? _listener;
    StatusPublisher? _statusPublisher;
    int _currencyHintLogged;

    /// <summary>Creates the reporter; nothing connects before <see cref="RunAsync"/>.</summary>
    /// <param name="options">Validated settings (<see cref="MqttOptions.Parse"/>).</param>
    /// <param name="deviceId">Resolved device id (<see cref="DeviceId.Resolve"/>).</param>
    /// <param name="outbox">The share outbox in the agent's state directory.</param>
    /// <param name="status">Snapshots for the status message.</param>
    /// <param name="control">Where commands are applied.</param>
    /// <param name="agentVersion">Agent version for status and discovery.</param>
    /// <param name="loggers">Logger factory; null logs nothing.</param>
    /// <param name="time">Clock; null is the system clock.</param>
    public MqttReporter(MqttOptions options, string deviceId, ShareOutbox outbox, IAgentStatusSource status, IAgentControl control,
        string agentVersion, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        if (!options.Enabled)
        {
            throw new ArgumentException("mqtt:enabled is false; do not create an MqttReporter (and do not enqueue shares)", nameof(options));
        }

        _options = options;
        Topics = new MqttTopics(deviceId, options.DiscoveryPrefix);
        Outbox = outbox;
        _status = status;
        _control = control;
        _version = agentVersion;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// <c>energy:currency</c> (ISO 4217), the unit of the Home Assistant energy cost entity; without it that entity is
    /// not announced (a monetary sensor needs its currency) and the reporter says once which key adds it.
    /// </summary>
    public string? EnergyCurrency { get; init; }

    /// <summary>The device's topics.</summary>
    public MqttTopics Topics { get; }

    /// <summary>Where the agent enqueues every share it finds (written to disk unless the broker acknowledges it within <see cref="ShareOutbox.WriteDelay"/>).</summary>
    public ShareOutbox Outbox { get; }

    /// <summary>The broker connection, once <see cref="RunAsync"/> has created it.</summary>
    public Task<MqttConnection> Connection => _connection.Task;

    /// <summary>The embedded broker's port while it runs; null when an external broker is used.</summary>
    public int? EmbeddedBrokerPort { get; private set; }

    /// <summary>
    /// Subscribes to <paramref name="topics"/> (the owner's topics, not the device's) on every connection and hands
    /// each message received on one of them to <paramref name="listener"/>; call before <see cref="RunAsync"/>.
    /// </summary>
    public void Listen(IReadOnlyList<string> topics, Action<string, byte[]> listener)
    {
        _listened.AddRange(topics);
        _listener += listener;
    }

    /// <summary>Asks for a status message now (call on every state change of the agent).</summary>
    public void NotifyStatusChanged() => _statusPublisher?.RequestPublish();

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires, then publishes <c>offline</c>, disconnects and stops
    /// the embedded broker.
    /// </summary>
    /// <exception cref="EmbeddedBrokerException">The embedded broker cannot listen on its port.</exception>
    /// <exception cref="MqttOptionsException">A TLS file cannot be loaded.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        EmbeddedBroker? broker = _options.UsesEmbeddedBroker ? await EmbeddedBroker.StartAsync(_options.EmbeddedBrokerPort).ConfigureAwait(false) : null;
        try
        {
            EmbeddedBrokerPort = broker?.Port;
            MqttSessionSettings settings = broker is null
                ? new MqttSessionSettings(_options, Topics, _options.Host!, _options.Port, _listened)
                : new MqttSessionSettings(_options, Topics, EmbeddedBroker.Host, broker.Port, _listened);
            await using var connection = new MqttConnection(settings, _options, _loggers.CreateLogger<MqttConnection>());
            await RunWithAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    async Task RunWithAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        var statusPublisher = new StatusPublisher(_status, connection, Topics, _options.StatusInterval, _loggers.CreateLogger<StatusPublisher>(), _time);
        _statusPublisher = statusPublisher;
        var commands = new CommandHandler(_control, connection, Topics, statusPublisher.RequestPublish, _loggers.CreateLogger<CommandHandler>(), _time);
        var shares = new ShareOutboxPublisher(Outbox, connection, Topics, _loggers.CreateLogger<ShareOutboxPublisher>(), _time);
        connection.MessageReceived += commands.AcceptAsync;
        connection.MessageReceived += OnHomeAssistantStatusAsync;
        connection.MessageReceived += OnListenedAsync;
        connection.Connected += _ =>
        {
            statusPublisher.RequestPublish();
            _discoveryWanted.Release();
            return Task.CompletedTask;
        };
        _connection.TrySetResult(connection);

        using var stopWorkers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopConnection = new CancellationTokenSource();
        Task session = connection.RunAsync(stopConnection.Token);
        List<Task> workers =
        [
            statusPublisher.RunAsync(stopWorkers.Token),
            commands.RunAsync(stopWorkers.Token),
            shares.RunAsync(stopWorkers.Token),
        ];
        if (_options.HomeAssistant)
        {
            workers.Add(PublishDiscoveryAsync(connection, stopWorkers.Token));
        }

        // Workers only end when stopped or failed: this returns on cancellation, or early when a worker failed
        // (e.g. the outbox disk is full), and that failure is rethrown below so the host sees it.
        await Task.WhenAny([.. workers, Task.Delay(Timeout.Infinite, cancellationToken)]).ConfigureAwait(false);
        stopWorkers.Cancel();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            _statusPublisher = null;
            // The connection stops last: it publishes offline and disconnects once nothing else uses it.
            stopConnection.Cancel();
            await session.ConfigureAwait(false);
        }
    }

    Task OnListenedAsync(ReceivedMessage message)
    {
        if (_listener is not null && _listened.Contains(message.Topic))
        {
            _listener(message.Topic, message.Payload);
        }

        return Task.CompletedTask;
    }

    Task OnHomeAssistantStatusAsync(ReceivedMessage message)
    {
        if (_options.HomeAssistant && message.Topic == Topics.HomeAssistantStatus
            && Encoding.UTF8.GetString(message.Payload).Trim() == MqttContract.Online)
        {
            _discoveryWanted.Release();
        }

        return Task.CompletedTask;
    }

    async Task PublishDiscoveryAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        byte[] payload = Encoding.UTF8.GetBytes(HomeAssistantDiscovery.Build(Topics, _version, EnergyCurrency).ToJsonString());
        if (EnergyCurrency is null && Interlocked.Exchange(ref _currencyHintLogged, 1) == 0)
        {
            _loggers.CreateLogger<MqttReporter>().LogInformation(
                "Home Assistant discovery has no energy cost entity: set energy:currency (an ISO 4217 code, e.g. EUR) to add one (device_class monetary)");
        }

        try
        {
            while (true)
            {
                await _discoveryWanted.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await connection.PublishAsync(Topics.HomeAssistantDiscovery, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    _loggers.CreateLogger<MqttReporter>().LogWarning("Home Assistant discovery publish failed: {Error}", MqttConnection.Flatten(exception));
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet reports a publish cut short by cancellation as a timeout, not only as OperationCanceledException.
        }
    }
}
