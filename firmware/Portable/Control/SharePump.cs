using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Moves shares through the outbox: publishes them to the gateway a few at a time, applies the gateway's verdicts,
    /// resends what went unjudged, and reports judged shares to the owner before they leave.
    /// </summary>
    internal sealed class SharePump
    {
        // A gateway answers in milliseconds, or after at most its upstream timeout (gateway:upstreamTimeoutSeconds, 30 s by
        // default); a share without a verdict for longer was lost on the way (a broker restart, no gateway subscribed)
        // and is sent again. Sooner would race the gateway's own answer and turn an accepted share into a duplicate.
        private const long VerdictWaitMs = 45000;

        // On a new job, shares waiting longer than this for their verdict are sent again (see JobArrived).
        private const long JobResendAfterMs = 2000;

        // Shares published but not yet judged: a backlog found offline goes out in small steps, so it never overflows
        // the gateway's per-device queue (which answers rejected-rate-limited) or the broker's in-flight window.
        private const int MaxSharesInFlight = 8;

        // A share the gateway holds for upstream (accepted-pending) gets its final verdict when upstream answers, which can
        // take as long as upstream is down; it is asked about again this rarely, in case that verdict was lost.
        private const long PendingWaitMs = 600000;

        // A rate-limited share is sent again after this pause (the gateway did not check it).
        private const long RateLimitedRetryMs = 1000;

        private readonly ShareOutbox _outbox;
        private readonly IMqttLink _mqtt;
        private readonly DeviceTopics _topics;
        private readonly string _deviceId;

        public SharePump(ShareOutbox outbox, IMqttLink mqtt, DeviceTopics topics, string deviceId)
        {
            _outbox = outbox;
            _mqtt = mqtt;
            _topics = topics;
            _deviceId = deviceId;
        }

        /// <summary>A new session: a verdict may have been lost with the connection, so every unjudged share goes again (the gateway dedupes).</summary>
        public void SessionStarted(long now)
        {
            _outbox.Resend(now, 0, 0);
        }

        /// <summary>
        /// A job proves a gateway is listening again: shares whose verdict has not come for a while were probably
        /// published while no gateway was subscribed (the broker drops those), so they go again now.
        /// </summary>
        public void JobArrived(long now)
        {
            _outbox.Resend(now, JobResendAfterMs, PendingWaitMs);
        }

        /// <summary>Holds the share an accepted-pending verdict names; true when it just became pending (count it once).</summary>
        public bool HoldPending(DeviceVerdict verdict, long now)
        {
            return _outbox.MarkPending(verdict, now) != null;
        }

        /// <summary>Applies a verdict: the judged entry, or null when the verdict judged nothing (unknown, repeated, or rate-limited and deferred).</summary>
        public OutboxEntry? Judge(DeviceVerdict verdict, long now)
        {
            if (verdict.Code == DeviceVerdictCode.RejectedRateLimited)
            {
                _outbox.Defer(verdict, now + RateLimitedRetryMs);
                return null;
            }

            return _outbox.ApplyVerdict(verdict);
        }

        /// <summary>Publishes what is due: shares to the gateway (bounded in flight), then reports of judged shares.</summary>
        public void Pump(long now)
        {
            _outbox.Resend(now, VerdictWaitMs, PendingWaitMs);
            OutboxEntry? entry;
            while (_outbox.AwaitingVerdict < MaxSharesInFlight && (entry = _outbox.NextToSend(now)) != null)
            {
                if (!_mqtt.Publish(_topics.DeviceShare, ShareMessage(entry), false))
                {
                    // A QoS 1 publish cut off before its PUBACK may still have reached the gateway.
                    _outbox.MarkResent(entry);
                    return;
                }

                _outbox.MarkSent(entry, now);
            }

            while ((entry = _outbox.NextToReport()) != null)
            {
                if (!_mqtt.Publish(_topics.Share, Text.Utf8.GetBytes(DeviceMessages.ShareReport(_deviceId, entry)), false))
                {
                    return;
                }

                _outbox.Remove(entry);
            }
        }

        private static byte[] ShareMessage(OutboxEntry entry)
        {
            FoundShare share = entry.Share;
            DeviceShare message = share.Hash.Length == 32
                ? new DeviceShare(share.Job.JobId, share.Nonce, DeviceShare.LeadingZeroBitsOf(share.Hash))
                : new DeviceShare(share.Job.JobId, share.Nonce);
            return message.Encode();
        }
    }
}
