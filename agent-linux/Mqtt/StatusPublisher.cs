using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>
/// Publishes the retained <c>status</c>: every interval, at once after each (re)connection and
/// <see cref="RequestPublish"/>, and within a second of any state change seen in the snapshots
/// (state, reason, mining on/off, threads, limits, algorithm, engine, pool).
/// </summary>
public sealed class StatusPublisher
{
    static readonly TimeSpan s_changePoll = TimeSpan.FromSeconds(1);

    readonly IAgentStatusSource _source;
    readonly IMqttSender _sender;
    readonly MqttTopics _topics;
    readonly TimeSpan _interval;
    readonly ILogger _logger;
    readonly TimeProvider _time;
    readonly SemaphoreSlim _wake = new(0);
    volatile bool _forced = true;

    /// <summary>Creates the publisher of <paramref name="source"/>'s snapshots every <paramref name="interval"/>.</summary>
    public StatusPublisher(IAgentStatusSource source, IMqttSender sender, MqttTopics topics, TimeSpan interval, ILogger? logger = null, TimeProvider? time = null)
    {
        _source = source;
        _sender = sender;
        _topics = topics;
        _interval = interval;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Publishes a fresh status as soon as possible (after a command, on connect, on an agent event).</summary>
    public void RequestPublish()
    {
        _forced = true;
        _wake.Release();
    }

    /// <summary>Publishes until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        object? lastKey = null;
        DateTimeOffset lastPublished = DateTimeOffset.MinValue;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _sender.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
                AgentStatus status = _source.GetStatus();
                object key = ChangeKey(status);
                DateTimeOffset now = _time.GetUtcNow();
                if (_forced || !key.Equals(lastKey) || now - lastPublished >= _interval)
                {
                    _forced = false;
                    if (await TryPublishAsync(status, now, cancellationToken).ConfigureAwait(false))
                    {
                        lastKey = key;
                        lastPublished = now;
                    }
                    else
                    {
                        _forced = true;
                    }
                }

                await _wake.WaitAsync(s_changePoll, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet reports a publish cut short by cancellation as a timeout, not only as OperationCanceledException.
        }
    }

    async Task<bool> TryPublishAsync(AgentStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(StatusMessage.From(status, _topics.DeviceIdValue, now), MqttJsonContext.Default.StatusMessage);
        try
        {
            PublishOutcome outcome = await _sender.PublishAsync(_topics.Status, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            return outcome.Accepted;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("MQTT status publish failed: {Error}", MqttConnection.Flatten(exception));
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    static object ChangeKey(AgentStatus s) =>
        (s.State, s.Reason, s.MiningEnabled, s.Threads, s.MaxThreads, s.MaxDutyPercent, s.TargetTemperatureC, (s.Algo, s.Engine, s.Pool, s.Version));
}
