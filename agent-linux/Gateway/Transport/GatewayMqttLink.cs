using System;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Mqtt.Connection;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// The gateway's MQTT side (docs/mqtt.md, "Device work (binary)"): an MQTT 5 <see cref="MqttConnection"/> (shared
/// subscriptions need 5) that takes work requests and device shares from the group's shared subscriptions and shares
/// passed on by other gateways, decodes them, routes them and publishes jobs and verdicts. It judges nothing itself: that is the
/// <see cref="IFleetDispatcher"/>'s. MQTTnet's receive handler only parses and queues; hashing happens on
/// <see cref="GatewayLinkSettings.Workers"/> workers that serve devices in turn (<see cref="FairShareQueue"/>).
/// </summary>
public sealed partial class GatewayMqttLink : IAsyncDisposable
{
    const string NeedsMqtt5 = "the gateway needs MQTT 5 (shared subscriptions, MQTT 5 §4.8.2): use a broker that speaks it (mosquitto 1.6 or newer, EMQX, HiveMQ, VerneMQ)";

    readonly MqttConnection _connection;
    readonly GatewayTopics _topics;
    readonly IFleetDispatcher _dispatcher;
    readonly GatewayLinkSettings _settings;
    readonly GatewayCounters _counters;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly FairShareQueue _queue;
    readonly SemaphoreSlim _awaitingCommit;

    // Verdicts waiting to be published; judging waits when it is full, so memory stays bounded.
    const int OutgoingCapacity = 65_536;
    readonly Channel<OutgoingVerdict> _outgoing = Channel.CreateBounded<OutgoingVerdict>(new BoundedChannelOptions(OutgoingCapacity) { SingleReader = true });

    // Shares over their device's queue, waiting for their rate-limited verdict (recorded in the ledger first).
    readonly Channel<InboundShare> _overflow = Channel.CreateBounded<InboundShare>(new BoundedChannelOptions(OutgoingCapacity) { SingleReader = true });

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

        var session = new MqttSessionSettings(options, topics.ClientId, topics.Availability, options.Host, options.Port)
        {
            Subscriptions = [topics.WorkRequestFilter, topics.DeviceShareFilter, topics.ForwardFilter, topics.CommandFilter, topics.DeviceStatusFilter],
            SubscriptionsRequired = true,
            // Statuses only feed the fleet energy ledger: a broker ACL written before it (docs/gateway.md) must not stop the gateway.
            OptionalSubscriptions = [topics.DeviceStatusFilter],
            Mqtt5Requirement = NeedsMqtt5,
            SessionExpirySeconds = settings.SessionExpirySeconds,
        };
        _topics = topics;
        _dispatcher = dispatcher;
        _settings = settings;
        _counters = counters;
        _time = time;
        _logger = logger;
        _queue = new FairShareQueue(settings.DeviceQueueLength);
        _awaitingCommit = new SemaphoreSlim(settings.SharesAwaitingCommit);
        _connection = new MqttConnection(session, options, logger, jitter);
        _connection.MessageReceived += OnMessageAsync;
    }

    /// <summary>Runs after every (re)connection, once <c>online</c> is published and the subscriptions are in place.</summary>
    public event Func<CancellationToken, Task>? Connected
    {
        add => _connection.Connected += value;
        remove => _connection.Connected -= value;
    }

    /// <summary>Where the devices' energy counters go (status <c>energy_kwh</c>); null: statuses are not read.</summary>
    public FleetEnergyBook? Energy { get; set; }

    /// <summary>
    /// Raised once per verdict the broker acknowledged, with where its share's time went (<see cref="ShareTiming"/>);
    /// on the publishing task, so a handler must be quick. The gateway's overload signal (<see cref="FleetPace"/>) and the
    /// load benchmark's breakdown read it.
    /// </summary>
    public event Action<ShareTiming>? ShareAnswered;

    /// <summary>The gateway's topics.</summary>
    public GatewayTopics Topics => _topics;

    /// <summary>What the link has done so far.</summary>
    public GatewayCounters Counters => _counters;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>Why the last attempt failed (names the broker, the cause and the fix); null after a success.</summary>
    public string? LastError => _connection.LastError;

    /// <summary>Shares waiting to be judged.</summary>
    public int QueuedShares => _queue.Count;

    /// <summary>Completes when the link is (or becomes) connected and subscribed.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken) => _connection.WaitConnectedAsync(cancellationToken);

    /// <summary>
    /// Keeps the session up and serves devices until <paramref name="cancellationToken"/> fires, then publishes
    /// <c>offline</c> and disconnects cleanly.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task[] workers = [.. Enumerable.Range(0, _settings.Workers).Select(_ => JudgeSharesAsync(cancellationToken)), PublishAssignmentsAsync(cancellationToken),
            PublishVerdictsAsync(cancellationToken), ForwardLateVerdictsAsync(cancellationToken), AnswerOverflowAsync(cancellationToken)];
        try
        {
            await _connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            await DrainAwaitingCommitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one message at QoS 1; false (counted, logged at debug) when the broker did not take it.</summary>
    public async Task<bool> PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
        => (await TryPublishAsync(topic, payload, retain, cancellationToken).ConfigureAwait(false)).Accepted;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _awaitingCommit.Dispose();
    }

    async Task<PublishOutcome> TryPublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        try
        {
            PublishOutcome outcome = await _connection.PublishAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain, cancellationToken).ConfigureAwait(false);
            if (!outcome.Accepted)
            {
                _logger.LogWarning("MQTT broker did not take the message on {Topic}: {Reason}", topic, outcome.Problem);
                _counters.PublishFailed();
            }

            return outcome;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("MQTT publish on {Topic} failed: {Error}", topic, MqttConnection.Flatten(exception));
            _counters.PublishFailed();
            return new PublishOutcome(false, MqttConnection.Flatten(exception));
        }
    }
}
