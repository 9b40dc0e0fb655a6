using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Messages;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// An MQTT session (the agent's, the fleet gateway's): connects (MQTT 5, falling back to 3.1.1 when the broker refuses 5,
/// unless <see cref="MqttSessionSettings.Mqtt5Requirement"/> forbids it), publishes <c>availability = online</c>
/// (retained; the last will says <c>offline</c>), subscribes to <see cref="MqttSessionSettings.Subscriptions"/> (a
/// device's: <c>cmd/#</c> and <c>homeassistant/status</c>), and reconnects with jittered exponential backoff for as long as it runs.
/// </summary>
public sealed class MqttConnection : IMqttSender, IAsyncDisposable
{
    readonly MqttSessionSettings _settings;
    readonly ILogger _logger;
    readonly IMqttClient _client;
    readonly ReconnectBackoff _backoff;
    readonly object _gate = new();
    TaskCompletionSource _connected = NewSignal();
    TaskCompletionSource _disconnected = NewSignal();
    MqttProtocolVersion? _fallbackVersion;
    volatile bool _stopping;

    /// <summary>Creates the connection; nothing is sent before <see cref="RunAsync"/>.</summary>
    public MqttConnection(MqttSessionSettings settings, MqttOptions options, ILogger? logger = null, Random? jitter = null)
    {
        _settings = settings;
        _logger = logger ?? NullLogger.Instance;
        _backoff = new ReconnectBackoff(options.ReconnectMin, options.ReconnectMax, jitter);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Runs after every (re)connection, once <c>online</c> is published and the subscriptions are in place.</summary>
    public event Func<CancellationToken, Task>? Connected;

    /// <summary>Every message received on a subscribed topic.</summary>
    public event Func<ReceivedMessage, Task>? MessageReceived;

    /// <inheritdoc />
    public bool IsConnected => _client.IsConnected;

    /// <summary>Protocol version of the current (or last) session; null before the first.</summary>
    public MqttProtocolVersion? ProtocolVersion { get; private set; }

    /// <summary>Why the last attempt failed (names the broker, the cause and the fix); null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Number of successful connections so far.</summary>
    public int ConnectionCount { get; private set; }

    /// <inheritdoc />
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<PublishOutcome> PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain, CancellationToken cancellationToken)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build();
        MqttClientPublishResult result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        // MQTT 5 §3.4.2.1: 0x10 "No matching subscribers" still means the broker accepted the message.
        return result.ReasonCode switch
        {
            MqttClientPublishReasonCode.Success => PublishOutcome.Ok,
            MqttClientPublishReasonCode.NoMatchingSubscribers => PublishOutcome.Unheard,
            _ => new PublishOutcome(false, $"{result.ReasonCode} {result.ReasonString}".Trim()),
        };
    }

    /// <summary>
    /// Keeps the session up until <paramref name="cancellationToken"/> fires, then publishes <c>offline</c> and
    /// disconnects cleanly (a clean disconnect does not fire the will, so <c>offline</c> is published explicitly).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
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

        await GoOfflineAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await GoOfflineAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            MqttProtocolVersion version = await ConnectWithFallbackAsync(cancellationToken).ConfigureAwait(false);
            await SetUpSessionAsync(cancellationToken).ConfigureAwait(false);
            ProtocolVersion = version;
            LastError = null;
            ConnectionCount++;
            _backoff.Reset();
            lock (_gate)
            {
                _disconnected = NewSignal();
                _connected.TrySetResult();
            }

            _logger.LogInformation("MQTT connected to {Host}:{Port} with MQTT {Version} as {ClientId}", _settings.Host, _settings.Port, Describe(version), _settings.ClientId);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LastError = Explain(exception);
            _logger.LogWarning("{Error}", LastError);
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            return false;
        }
    }

    string Explain(Exception exception) => exception switch
    {
        MqttBrokerRefusedException => exception.Message,
        // A 3.1.1-only broker may drop an MQTT 5 CONNECT instead of answering it.
        _ when _settings.Mqtt5Requirement is { } requirement && !IsTransportFailure(exception) =>
            $"cannot connect to MQTT broker {_settings.Host}:{_settings.Port} with MQTT 5: {Flatten(exception)}; {requirement}",
        _ => $"cannot connect to MQTT broker {_settings.Host}:{_settings.Port}: {_settings.LastCertificateProblem ?? Flatten(exception)}",
    };

    async Task<MqttProtocolVersion> ConnectWithFallbackAsync(CancellationToken cancellationToken)
    {
        MqttProtocolChoice protocol = _settings.Protocol;
        MqttProtocolVersion first = protocol == MqttProtocolChoice.V311 ? MqttProtocolVersion.V311 : _fallbackVersion ?? MqttProtocolVersion.V500;
        bool mayFallBack = protocol == MqttProtocolChoice.Auto && first == MqttProtocolVersion.V500;
        string refusal;
        try
        {
            MqttClientConnectResult result = await _client.ConnectAsync(_settings.Build(first), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                return first;
            }

            if (!mayFallBack || !RefusesVersion(result.ResultCode))
            {
                throw _settings.Mqtt5Requirement is { } requirement && RefusesVersion(result.ResultCode)
                    ? new MqttBrokerRefusedException($"MQTT broker {_settings.Host}:{_settings.Port} refused MQTT 5 ({result.ResultCode}); {requirement}", result.ResultCode)
                    : new MqttBrokerRefusedException(_settings, result);
            }

            refusal = $"answered {result.ResultCode}";
        }
        catch (Exception exception) when (mayFallBack && exception is not MqttBrokerRefusedException && !IsTransportFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            // A 3.1.1-only broker may also drop the connection on an MQTT 5 CONNECT instead of answering.
            refusal = Flatten(exception);
        }

        _logger.LogInformation("MQTT broker {Host}:{Port} refused MQTT 5 ({Refusal}); trying MQTT 3.1.1", _settings.Host, _settings.Port, refusal);
        await DisconnectQuietlyAsync().ConfigureAwait(false);
        MqttClientConnectResult fallback = await _client.ConnectAsync(_settings.Build(MqttProtocolVersion.V311), cancellationToken).ConfigureAwait(false);
        if (fallback.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttBrokerRefusedException(_settings, fallback);
        }

        _fallbackVersion = MqttProtocolVersion.V311;
        return MqttProtocolVersion.V311;
    }

    // MQTT 5 0x84 "Unsupported Protocol Version"; a 3.1.1 broker answers CONNACK return code 1
    // ("unacceptable protocol version", MQTT 3.1.1 §3.2.2.3), which MQTTnet passes through as the raw value 1.
    static bool RefusesVersion(MqttClientConnectResultCode code) =>
        code == MqttClientConnectResultCode.UnsupportedProtocolVersion || (int)code == 1;

    async Task SetUpSessionAsync(CancellationToken cancellationToken)
    {
        await PublishAsync(_settings.AvailabilityTopic, Encoding.UTF8.GetBytes(MqttContract.Online), MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in _settings.Subscriptions)
        {
            subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        MqttClientSubscribeResult result = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if ((int)item.ResultCode <= (int)MqttClientSubscribeResultCode.GrantedQoS2)
            {
                continue;
            }

            if (_settings.SubscriptionsRequired && !_settings.OptionalSubscriptions.Contains(item.TopicFilter.Topic))
            {
                throw new MqttBrokerRefusedException(SubscriptionRefusal(item));
            }

            _logger.LogWarning("MQTT broker refused the subscription to {Topic}: {Code}", item.TopicFilter.Topic, item.ResultCode);
        }
    }

    string SubscriptionRefusal(MqttClientSubscribeResultItem item) => item.ResultCode switch
    {
        MqttClientSubscribeResultCode.SharedSubscriptionsNotSupported =>
            $"MQTT broker {_settings.Host}:{_settings.Port} does not support shared subscriptions ({item.TopicFilter.Topic}); {_settings.Mqtt5Requirement ?? "use a broker that speaks MQTT 5"}, with shared subscriptions enabled",
        MqttClientSubscribeResultCode.NotAuthorized =>
            $"MQTT broker {_settings.Host}:{_settings.Port} refused the subscription to {item.TopicFilter.Topic} (not authorized); grant this client's user (mqtt:username) read access to it in the broker's ACL",
        _ => $"MQTT broker {_settings.Host}:{_settings.Port} refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode}; see the broker's log",
    };

    async Task RaiseConnectedAsync(CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task>? handlers = Connected;
        if (handlers is null)
        {
            return;
        }

        foreach (Func<CancellationToken, Task> handler in handlers.GetInvocationList())
        {
            try
            {
                await handler(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("MQTT on-connect publication failed: {Error}", Flatten(exception));
            }
        }
    }

    Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (!args.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_connected.Task.IsCompleted)
            {
                _connected = NewSignal();
            }

            _disconnected.TrySetResult();
        }

        // Our own disconnect when stopping is no loss worth a warning.
        if (!_stopping)
        {
            _logger.LogWarning("MQTT connection to {Host}:{Port} lost ({Reason}{Detail})", _settings.Host, _settings.Port, args.Reason,
                args.Exception is null ? "" : ": " + Flatten(args.Exception));
        }

        return Task.CompletedTask;
    }

    async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        Func<ReceivedMessage, Task>? handlers = MessageReceived;
        if (handlers is null)
        {
            return;
        }

        var message = new ReceivedMessage(args.ApplicationMessage.Topic, args.ApplicationMessage.Payload.ToArray(), args.ApplicationMessage.Retain);
        foreach (Func<ReceivedMessage, Task> handler in handlers.GetInvocationList())
        {
            try
            {
                await handler(message).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _logger.LogWarning("MQTT message on {Topic} could not be handled: {Error}", message.Topic, Flatten(exception));
            }
        }
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
            await PublishAsync(_settings.AvailabilityTopic, Encoding.UTF8.GetBytes(MqttContract.Offline), MqttQualityOfServiceLevel.AtLeastOnce, retain: true, timeout.Token).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogDebug("MQTT clean disconnect failed: {Error}", Flatten(exception));
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
            _logger.LogDebug("MQTT disconnect after a failed attempt: {Error}", Flatten(exception));
        }
    }

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

    /// <summary>Joins the messages of an exception chain: MQTTnet wraps the useful cause (TLS, socket) inside.</summary>
    internal static string Flatten(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
            {
                parts.Add(e.Message);
            }
        }

        return string.Join(" → ", parts);
    }

    static string Describe(MqttProtocolVersion version) => version == MqttProtocolVersion.V500 ? "5" : "3.1.1";

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
