using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>
/// Drains the <see cref="ShareOutbox"/>: publishes ready shares in order at QoS 1 and deletes each one only after
/// the broker acknowledged it. A share whose publish fails stays queued and is sent again after the reconnect.
/// </summary>
public sealed class ShareOutboxPublisher
{
    /// <summary>Shares taken from the queue per round.</summary>
    public const int BatchSize = 64;

    static readonly TimeSpan s_idlePoll = TimeSpan.FromSeconds(5);
    static readonly TimeSpan s_refusalPause = TimeSpan.FromSeconds(5);
    static readonly TimeSpan s_interruptionPause = TimeSpan.FromMilliseconds(250);

    readonly ShareOutbox _outbox;
    readonly IMqttSender _sender;
    readonly string _topic;
    readonly ILogger _logger;
    readonly TimeProvider _time;

    /// <summary>Creates the publisher of <paramref name="outbox"/> to <paramref name="topics"/>' share topic.</summary>
    public ShareOutboxPublisher(ShareOutbox outbox, IMqttSender sender, MqttTopics topics, ILogger? logger = null, TimeProvider? time = null)
    {
        _outbox = outbox;
        _sender = sender;
        _topic = topics.Share;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Shares acknowledged by the broker since start.</summary>
    public long Published { get; private set; }

    /// <summary>Publishes until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _sender.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<PendingShare> batch = _outbox.ReadyBatch(BatchSize);
                if (batch.Count == 0)
                {
                    await _outbox.WaitForWorkAsync(UntilNextReady(), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                TimeSpan pause = await PublishBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet reports a publish cut short by cancellation as a timeout, not only as OperationCanceledException.
        }
    }

    /// <summary>Publishes <paramref name="batch"/> in order; returns how long to pause before the next round.</summary>
    async Task<TimeSpan> PublishBatchAsync(IReadOnlyList<PendingShare> batch, CancellationToken cancellationToken)
    {
        var acknowledged = new List<PendingShare>(batch.Count);
        try
        {
            foreach (PendingShare share in batch)
            {
                PublishOutcome outcome = await _sender.PublishAsync(_topic, Encoding.UTF8.GetBytes(share.PayloadJson),
                    MqttQualityOfServiceLevel.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false);
                if (!outcome.Accepted)
                {
                    _logger.LogWarning("MQTT broker refused share {Id} ({Problem}); it stays queued", share.Id, outcome.Problem);
                    return s_refusalPause;
                }

                acknowledged.Add(share);
            }

            return TimeSpan.Zero;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // No PUBACK: the share may or may not have reached the broker; it stays queued and goes again
            // (at least once), with the same id, once the connection is back.
            _logger.LogDebug("MQTT share publish interrupted: {Error}", MqttConnection.Flatten(exception));
            return s_interruptionPause;
        }
        finally
        {
            _outbox.Delete(acknowledged);
            Published += acknowledged.Count;
        }
    }

    TimeSpan UntilNextReady()
    {
        DateTimeOffset? next = _outbox.NextReadyTime();
        if (next is null)
        {
            return s_idlePoll;
        }

        TimeSpan wait = next.Value - _time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : wait < s_idlePoll ? wait : s_idlePoll;
    }
}
