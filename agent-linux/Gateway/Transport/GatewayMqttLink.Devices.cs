using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>The device side of the link: routing what arrives, judging shares in turn, publishing jobs and verdicts.</summary>
public sealed partial class GatewayMqttLink
{
    Task OnMessageAsync(ReceivedMessage message)
    {
        GatewayTopic? topic = _topics.Parse(message.Topic);
        if (topic is null || message.Retained)
        {
            // A retained share, request or command would be replayed at every subscription: not a device speaking now.
            _logger.LogDebug("Ignored {Retained}message on {Topic}", message.Retained ? "retained " : "", message.Topic);
            return Task.CompletedTask;
        }

        byte[] payload = message.Payload;
        switch (topic.Kind)
        {
            case GatewayTopicKind.WorkRequest:
                HandleWorkRequest(topic.Subject, payload);
                break;
            case GatewayTopicKind.DeviceShare:
                Admit(new InboundShare(topic.Subject, payload, Forwarded: false, _time.GetTimestamp()));
                break;
            case GatewayTopicKind.Forward:
                Admit(new InboundShare(topic.Subject, payload, Forwarded: true, _time.GetTimestamp()));
                break;
            case GatewayTopicKind.Status:
                TakeEnergy(topic.Subject, payload);
                break;
            case GatewayTopicKind.Command:
                Refuse(GatewayEventJson.Command, topic.Subject,
                    $"the gateway takes no commands over MQTT: its upstream, pool user and payout address come only from the configuration file (gateway:stratum:pools, gateway:node); change them there and restart it");
                break;
        }

        return Task.CompletedTask;
    }

    // A status is outside text: whatever is wrong with it is logged escaped and the reading left out, never thrown.
    void TakeEnergy(string deviceId, byte[] payload)
    {
        if (Energy is not { } book)
        {
            return;
        }

        string? problem = StatusEnergyJson.TryRead(payload, out double? kwh, out string? unreadable) ? null : unreadable;
        if (problem is null && kwh is double counter)
        {
            problem = book.AddReading(deviceId, counter);
        }

        if (problem is not null)
        {
            _logger.LogWarning("Device {Device}: energy reading left out: {Problem}", UntrustedText.Escape(deviceId, 64), UntrustedText.Escape(problem, 200));
        }
    }

    void HandleWorkRequest(string deviceId, byte[] payload)
    {
        _counters.WorkRequested();
        _counters.Seen(deviceId);
        WorkRequest request;
        try
        {
            request = WorkRequestJson.Parse(payload);
        }
        catch (WorkRequestFormatException exception)
        {
            Refuse(GatewayEventJson.WorkRequest, deviceId, exception.Message);
            return;
        }

        if (_settings.UpstreamAlgorithm is { } algorithm && !request.Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            Refuse(GatewayEventJson.WorkRequest, deviceId,
                $"the device hashes {string.Join(", ", request.Algorithms)} but this gateway's upstream mines {algorithm}; connect the device to a gateway that mines one of its algorithms");
            return;
        }

        _dispatcher.RequestWork(deviceId, request);
    }

    void Refuse(string type, string subject, string error)
    {
        // The error may quote what the device sent (its algorithm names, a JSON error): escaped before it is logged or published.
        subject = UntrustedText.Escape(subject, 128);
        error = UntrustedText.Escape(error, 500);
        if (type == GatewayEventJson.WorkRequest)
        {
            _counters.RequestRefused();
        }

        _logger.LogWarning("Gateway refused {Type} from {Subject}: {Error}", type, subject, error);
        byte[] payload = GatewayEventJson.Refusal(_topics.Instance, _time.GetUtcNow(), type, subject, error);
        _ = PublishAsync(_topics.Event, payload, retain: false, CancellationToken.None);
    }

    void Admit(InboundShare share)
    {
        _dispatcher.ShareArrived(share.DeviceId);
        _counters.ShareReceived();
        _counters.Seen(share.DeviceId);
        if (_queue.TryEnqueue(share))
        {
            return;
        }

        // Over its queue: the device is answered rejected-rate-limited through the ledger like any verdict (so its
        // totals count it) and the dispatcher raises its difficulty. The receive loop must not wait (the publisher's
        // PUBACKs arrive through it): the share joins the overflow queue, and only when that too is full is it lost,
        // counted.
        if (!_overflow.Writer.TryWrite(share))
        {
            _logger.LogDebug("Share from {Device} dropped: {Count} overflowing shares already wait for their answer", share.DeviceId, OutgoingCapacity);
            _counters.ShareLost();
        }
    }

    async Task AnswerOverflowAsync(CancellationToken cancellationToken)
    {
        await foreach (InboundShare share in _overflow.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await _awaitingCommit.WaitAsync(cancellationToken).ConfigureAwait(false);
            _ = AnswerAsync(share, overflowed: true, cancellationToken);
        }
    }

    // Each worker hashes a share, hands it to the ledger's group commit and takes the next share at once: the commit
    // and the verdict after it finish without it. A commit thus carries every share judged while the previous one
    // flushed, instead of at most one share per worker, and a verdict still goes out only after its commit.
    async Task JudgeSharesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            InboundShare share = await _queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            await _awaitingCommit.WaitAsync(cancellationToken).ConfigureAwait(false);
            _ = AnswerAsync(share, overflowed: false, cancellationToken);
        }
    }

    // Runs synchronously up to its first wait (the hash is done on the caller's thread), then frees its slot once the
    // verdict is queued to go out.
    async Task AnswerAsync(InboundShare share, bool overflowed, CancellationToken cancellationToken)
    {
        try
        {
            await HandleShareAsync(share, overflowed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                // Not a passing failure (those the ledger retries): the share is lost, and counted so.
                _counters.ShareLost();
                _logger.LogError("Share from {Device} could not be judged, it is lost: {Error}", share.DeviceId, MqttConnection.Flatten(exception));
            }
        }
        finally
        {
            _awaitingCommit.Release();
        }
    }

    // Lets the shares still awaiting their commit finish before the link stops.
    async Task DrainAwaitingCommitAsync()
    {
        for (int i = 0; i < _settings.SharesAwaitingCommit; i++)
        {
            await _awaitingCommit.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    async Task HandleShareAsync(InboundShare share, bool overflowed, CancellationToken cancellationToken)
    {
        long takenAt = _time.GetTimestamp();
        DeviceShare decoded;
        try
        {
            decoded = DeviceShare.Decode(share.Payload);
        }
        catch (DeviceMessageException exception)
        {
            _logger.LogWarning("Malformed share from {Device}: {Error}", share.DeviceId, UntrustedText.Escape(exception.Message, 200));
            await SendVerdictAsync(new OutgoingVerdict(share.DeviceId, new DeviceVerdict(0, 0, DeviceVerdictCode.RejectedMalformed, Fleet.VerdictReason.Printable(exception.Message)), share.ReceivedAt, takenAt, _time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
            return;
        }

        byte owner = (byte)(decoded.JobId >> 24);
        if (owner != _dispatcher.Instance && !share.Forwarded)
        {
            PublishOutcome forwarded = await TryPublishAsync(GatewayTopics.Forward(owner, share.DeviceId), share.Payload, retain: false, cancellationToken).ConfigureAwait(false);
            if (forwarded is { Accepted: true, NoSubscribers: false })
            {
                _counters.ShareForwarded();
                return;
            }

            // Gateway <owner> is not running (MQTT 5 PUBACK 0x10, no matching subscribers): its job died with it, and
            // judging here answers the device (unknown job) instead of leaving it waiting.
            _logger.LogDebug("Share from {Device} for gateway {Owner}, which is not subscribed: judged here", share.DeviceId, owner);
        }

        DeviceVerdict verdict = overflowed
            ? await _dispatcher.RefuseOverflowAsync(share.DeviceId, decoded, _settings.DeviceQueueLength, cancellationToken).ConfigureAwait(false)
            : await _dispatcher.JudgeAsync(share.DeviceId, decoded, cancellationToken).ConfigureAwait(false);
        await SendVerdictAsync(new OutgoingVerdict(share.DeviceId, verdict, share.ReceivedAt, takenAt, _time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
    }

    // Every verdict (judged, rate-limited, or the final one of a share held for upstream) goes out through one queue.
    ValueTask SendVerdictAsync(OutgoingVerdict verdict, CancellationToken cancellationToken)
        => _outgoing.Writer.WriteAsync(verdict, cancellationToken);

    // Final verdicts the dispatcher decided later (upstream answered a held share) join the same queue.
    async Task ForwardLateVerdictsAsync(CancellationToken cancellationToken)
    {
        await foreach (DeviceVerdictFor late in _dispatcher.LateVerdicts.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            long now = _time.GetTimestamp();
            await _outgoing.Writer.WriteAsync(new OutgoingVerdict(late.DeviceId, late.Verdict, now, now, now), cancellationToken).ConfigureAwait(false);
        }
    }

    // The one outgoing verdict path: publications start in the order the verdicts were queued, at most
    // VerdictPublishConcurrency waiting for their PUBACK at once.
    async Task PublishVerdictsAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_settings.VerdictPublishConcurrency);
        try
        {
            await foreach (OutgoingVerdict outgoing in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                _ = PublishVerdictAsync(outgoing, slots, cancellationToken);
            }
        }
        finally
        {
            for (int i = 0; i < _settings.VerdictPublishConcurrency; i++)
            {
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    async Task PublishVerdictAsync(OutgoingVerdict outgoing, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            long publishingAt = _time.GetTimestamp();
            if (await PublishAsync(GatewayTopics.Verdict(outgoing.DeviceId), outgoing.Verdict.Encode(), retain: false, cancellationToken).ConfigureAwait(false))
            {
                _counters.VerdictSent(outgoing.Verdict.Code);
                ShareAnswered?.Invoke(new ShareTiming(outgoing.DeviceId, outgoing.Verdict, outgoing.ReceivedAt, outgoing.TakenAt, outgoing.DecidedAt, publishingAt, _time.GetTimestamp()));
            }
        }
        finally
        {
            slots.Release();
        }
    }

    async Task PublishAssignmentsAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_settings.JobPublishConcurrency);
        try
        {
            await foreach (DeviceAssignment assignment in _dispatcher.Assignments.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                _ = PublishJobAsync(assignment, slots, cancellationToken);
            }
        }
        finally
        {
            // Let publications in flight finish before the semaphore goes away.
            for (int i = 0; i < _settings.JobPublishConcurrency; i++)
            {
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    async Task PublishJobAsync(DeviceAssignment assignment, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            if (await PublishAsync(GatewayTopics.Work(assignment.DeviceId), assignment.Job.Encode(), retain: false, cancellationToken).ConfigureAwait(false))
            {
                _counters.JobPublished();
            }
        }
        finally
        {
            slots.Release();
        }
    }

    // A verdict on its way out, with the timestamps of its share so far (ShareTiming).
    readonly record struct OutgoingVerdict(string DeviceId, DeviceVerdict Verdict, long ReceivedAt, long TakenAt, long DecidedAt);
}
