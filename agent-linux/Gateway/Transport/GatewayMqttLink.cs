using System;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Mqtt;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// The gateway's MQTT side (docs/mqtt.md, "Device work (binary)"): an MQTT 5 session (shared subscriptions need 5)
/// that takes work requests and device shares from the group's shared subscriptions and shares passed on by other
/// gateways, decodes them, routes them and publishes jobs and verdicts. It judges nothing itself: that is the
/// <see cref="IFleetDispatcher"/>'s. MQTTnet's receive handler only parses and queues; hashing happens on
/// <see cref="GatewayLinkSettings.Workers"/> workers that serve devices in turn (<see cref="FairShareQueue"/>).
/// </summary>
public sealed partial class GatewayMqttLink : IAsyncDisposable
{
    const string NeedsMqtt5 = "the gateway needs MQTT 5 (shared subscriptions, MQTT 5 §4.8.2): use a broker that speaks it (mosquitto 1.6 or newer, EMQX, HiveMQ, VerneMQ)";

    readonly MqttSessionSettings _session;
    readonly GatewayTopics _topics;
    readonly IFleetDispatcher _dispatcher;
    readonly GatewayLinkSettings _settings;
    readonly GatewayCounters _counters;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly IMqttClient _client;
    readonly ReconnectBackoff _backoff;
    readonly FairShareQueue _queue;
    readonly object _gate = new();
    TaskCompletionSource _connected = NewSignal();
    TaskCompletionSource _disconnected = NewSignal();
    volatile bool _stopping;

    /// <summary>Creates the link; nothing is sent before <see cref="RunAsync"/>.</summary>
    /// <exception cref="ArgumentException"><c>mqtt:host</c> is not set (devices reach a gateway through a network broker).</exception>
    /// <exception cref="MqttOptionsException">A TLS file cannot be read.</exception>
    public GatewayMqttLink(MqttOptions options, GatewayTopics topics, IFleetDispatcher dispatcher, GatewayLinkSettings settings,
        GatewayCounters counters, TimeProvider time, ILogger logger, Random? jitter = null)
    {
        if (options.Host is null)
        {
            throw new ArgumentException("the gateway needs mqtt:host: devices reach it through a broker on the network; set mqtt:host", nameof(options));
        }

        _session = new MqttSessionSettings(options, topics.ClientId, topics.Availability, options.Host, options.Port);
        _topics = topics;
        _dispatcher = dispatcher;
        _settings = settings;
        _counters = counters;
        _time = time;
        _logger = logger;
        _backoff = new ReconnectBackoff(options.ReconnectMin, options.ReconnectMax, jitter);
        _queue = new FairShareQueue(settings.DeviceQueueLength);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Runs after every (re)connection, once <c>online</c> is published and the subscriptions are in place.</summary>
    public event Func<CancellationToken, Task>? Connected;

    /// <summary>The gateway's topics.</summary>
    public GatewayTopics Topics => _topics;

    /// <summary>What the link has done so far.</summary>
    public GatewayCounters Counters => _counters;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Why the last attempt failed (names the broker, the cause and the fix); null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Shares waiting to be judged.</summary>
    public int QueuedShares => _queue.Count;

    /// <summary>Completes when the link is (or becomes) connected and subscribed.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Keeps the session up and serves devices until <paramref name="cancellationToken"/> fires, then publishes
    /// <c>offline</c> and disconnects cleanly.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task[] workers = [.. Enumerable.Range(0, _settings.Workers).Select(_ => JudgeSharesAsync(cancellationToken)), PublishAssignmentsAsync(cancellationToken)];
        try
        {
            await KeepConnectedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            await GoOfflineAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one message at QoS 1; false (counted, logged at debug) when the broker did not take it.</summary>
    public async Task<bool> PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
        => await TryPublishAsync(topic, payload, retain, cancellationToken).ConfigureAwait(false) != Delivery.Failed;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await GoOfflineAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!await TryConnectAsync(cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(_backoff.Next(), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Task disconnected;
                lock (_gate)
                {
                    disconnected = _disconnected.Task;
                }

                await RaiseConnectedAsync(cancellationToken).ConfigureAwait(false);
                await disconnected.WaitAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet wraps a connect cut short by cancellation in MqttConnectingFailedException.
        }
    }

    async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            MqttClientConnectResult result = await _client.ConnectAsync(_session.Build(MqttProtocolVersion.V500), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new GatewayBrokerException(RefusesVersion(result.ResultCode)
                    ? $"MQTT broker {_session.Host}:{_session.Port} refused MQTT 5 ({result.ResultCode}); {NeedsMqtt5}"
                    : new MqttBrokerRefusedException(_session, result).Message);
            }

            await SetUpSessionAsync(cancellationToken).ConfigureAwait(false);
            LastError = null;
            _backoff.Reset();
            lock (_gate)
            {
                _disconnected = NewSignal();
                _connected.TrySetResult();
            }

            _logger.LogInformation("Gateway {Instance} connected to MQTT broker {Host}:{Port} (MQTT 5, shared group {Group})", _topics.Instance, _session.Host, _session.Port, _topics.Group);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LastError = exception switch
            {
                GatewayBrokerException => exception.Message,
                _ when IsTransportFailure(exception) => $"cannot connect to MQTT broker {_session.Host}:{_session.Port}: {_session.LastCertificateProblem ?? MqttConnection.Flatten(exception)}",
                // A 3.1.1-only broker may drop an MQTT 5 CONNECT instead of answering it.
                _ => $"cannot connect to MQTT broker {_session.Host}:{_session.Port} with MQTT 5: {MqttConnection.Flatten(exception)}; {NeedsMqtt5}",
            };
            _logger.LogError("{Error}", LastError);
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            return false;
        }
    }

    async Task SetUpSessionAsync(CancellationToken cancellationToken)
    {
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes(MqttContract.Online), retain: true, cancellationToken).ConfigureAwait(false);
        MqttClientSubscribeOptions subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_topics.WorkRequestFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_topics.DeviceShareFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_topics.ForwardFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_topics.CommandFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        MqttClientSubscribeResult result = await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new GatewayBrokerException(item.ResultCode switch
                {
                    MqttClientSubscribeResultCode.SharedSubscriptionsNotSupported =>
                        $"MQTT broker {_session.Host}:{_session.Port} does not support shared subscriptions ({item.TopicFilter.Topic}); {NeedsMqtt5}, with shared subscriptions enabled",
                    MqttClientSubscribeResultCode.NotAuthorized =>
                        $"MQTT broker {_session.Host}:{_session.Port} refused the subscription to {item.TopicFilter.Topic} (not authorized); grant the gateway's user (mqtt:username) read access to it in the broker's ACL (docs/gateway.md)",
                    _ => $"MQTT broker {_session.Host}:{_session.Port} refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode}; see the broker's log",
                });
            }
        }
    }

    async Task RaiseConnectedAsync(CancellationToken cancellationToken)
    {
        foreach (Func<CancellationToken, Task> handler in Connected?.GetInvocationList().Cast<Func<CancellationToken, Task>>() ?? [])
        {
            try
            {
                await handler(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Gateway on-connect publication failed: {Error}", MqttConnection.Flatten(exception));
            }
        }
    }

    async Task<Delivery> TryPublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        try
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(retain)
                .Build();
            MqttClientPublishResult result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            switch (result.ReasonCode)
            {
                case MqttClientPublishReasonCode.Success:
                    return Delivery.Delivered;
                case MqttClientPublishReasonCode.NoMatchingSubscribers:
                    return Delivery.NoSubscribers;
                default:
                    _logger.LogWarning("MQTT broker did not take the message on {Topic}: {Code} {Reason}", topic, result.ReasonCode, result.ReasonString);
                    _counters.PublishFailed();
                    return Delivery.Failed;
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("MQTT publish on {Topic} failed: {Error}", topic, MqttConnection.Flatten(exception));
            _counters.PublishFailed();
            return Delivery.Failed;
        }
    }

    Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected && !_stopping)
        {
            lock (_gate)
            {
                if (_connected.Task.IsCompleted)
                {
                    _connected = NewSignal();
                }

                _disconnected.TrySetResult();
            }

            _logger.LogWarning("Gateway lost its MQTT connection to {Host}:{Port} ({Reason}{Detail})", _session.Host, _session.Port, args.Reason,
                args.Exception is null ? "" : ": " + MqttConnection.Flatten(args.Exception));
        }

        return Task.CompletedTask;
    }

    async Task GoOfflineAsync()
    {
        _stopping = true;
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes(MqttContract.Offline), retain: true, timeout.Token).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogDebug("Gateway clean disconnect failed: {Error}", MqttConnection.Flatten(exception));
        }
    }

    async Task DisconnectQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogDebug("Gateway disconnect after a failed attempt: {Error}", MqttConnection.Flatten(exception));
        }
    }

    // MQTT 5 0x84 "Unsupported Protocol Version"; a 3.1.1 broker answers CONNACK return code 1
    // ("unacceptable protocol version", MQTT 3.1.1 §3.2.2.3), which MQTTnet passes through as the raw value 1.
    static bool RefusesVersion(MqttClientConnectResultCode code) =>
        code == MqttClientConnectResultCode.UnsupportedProtocolVersion || (int)code == 1;

    static bool IsTransportFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    enum Delivery
    {
        Delivered,
        NoSubscribers,
        Failed,
    }
}
