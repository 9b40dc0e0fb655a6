using System;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>Wi-Fi and MQTT upkeep, and everything the controller publishes.</summary>
    internal sealed partial class MinerController
    {
        private const int WifiConnectTimeoutMs = 10000;
        private const long FirstBackoffMs = 1000;
        private const long LongestBackoffMs = 30000;

        private long _nextWifiAttemptMs;
        private long _nextMqttAttemptMs;
        private long _backoffMs = FirstBackoffMs;
        private long _nextWorkRequestMs;
        private long _nextStatusMs;
        private bool _statusDue;
        private string _publishedState = string.Empty;
        private bool _publishedEnabled;

        private bool EnsureConnected(long now)
        {
            if (!_hw.Wifi.IsConnected)
            {
                if (now >= _nextWifiAttemptMs && !_hw.Wifi.Connect(WifiConnectTimeoutMs))
                {
                    _nextWifiAttemptMs = now + NextBackoff();
                }

                return false;
            }

            if (_hw.Mqtt.IsConnected)
            {
                return true;
            }

            if (now < _nextMqttAttemptMs)
            {
                return false;
            }

            bool up = _hw.Mqtt.Connect("iotminer-" + _config.DeviceId, _topics.Availability, Utf8("offline"), _config.KeepAliveSeconds) &&
                _hw.Mqtt.Subscribe(_topics.Subscriptions()) && _hw.Mqtt.Publish(_topics.Availability, Utf8("online"), true);
            if (!up)
            {
                _nextMqttAttemptMs = now + NextBackoff();
                return false;
            }

            _backoffMs = FirstBackoffMs;

            // A verdict may have been lost with the connection: send every unjudged share again (the gateway dedupes).
            _outbox.Resend(now, 0);
            _nextWorkRequestMs = now;
            _statusDue = true;
            return true;
        }

        // Exponential backoff, 1 s to 30 s, so a fleet of boards does not hammer a broker that is restarting.
        private long NextBackoff()
        {
            long delay = _backoffMs;
            _backoffMs = _backoffMs * 2 > LongestBackoffMs ? LongestBackoffMs : _backoffMs * 2;
            return delay;
        }

        private void PumpOutbox(long now)
        {
            _outbox.Resend(now, VerdictWaitMs);
            OutboxEntry? entry;
            while (_outbox.AwaitingVerdict < MaxSharesInFlight && (entry = _outbox.NextToSend(now)) != null)
            {
                if (!_hw.Mqtt.Publish(_topics.DeviceShare, ShareMessage(entry), false))
                {
                    // A QoS 1 publish cut off before its PUBACK may still have reached the gateway.
                    _outbox.MarkResent(entry);
                    return;
                }

                _outbox.MarkSent(entry, now);
            }

            while ((entry = _outbox.NextToReport()) != null)
            {
                if (!_hw.Mqtt.Publish(_topics.Share, Utf8(DeviceMessages.ShareReport(_config.DeviceId, entry)), false))
                {
                    return;
                }

                _outbox.Remove(entry);
            }
        }

        private static byte[] ShareMessage(OutboxEntry entry)
        {
            FoundShare share = entry.Share;
            IotMinerAgent.Hashing.DeviceWork.DeviceShare message = share.Hash.Length == 32
                ? new IotMinerAgent.Hashing.DeviceWork.DeviceShare(share.Job.JobId, share.Nonce, IotMinerAgent.Hashing.DeviceWork.DeviceShare.LeadingZeroBitsOf(share.Hash))
                : new IotMinerAgent.Hashing.DeviceWork.DeviceShare(share.Job.JobId, share.Nonce);
            return message.Encode();
        }

        private void PublishNotices()
        {
            while (true)
            {
                PendingNotice notice;
                lock (_gate)
                {
                    if (_notices.Count == 0)
                    {
                        return;
                    }

                    notice = (PendingNotice)_notices[0]!;
                }

                if (!_hw.Mqtt.Publish(_topics.Event, Utf8(notice.Json), false))
                {
                    return;
                }

                lock (_gate)
                {
                    _notices.RemoveAt(0);
                }
            }
        }

        private void RequestWorkIfDue(long now)
        {
            bool wantsWork;
            lock (_gate)
            {
                wantsWork = _consent && !_commandPaused && _loopStarted;
            }

            if (!wantsWork || _jobs.Current != null || now < _nextWorkRequestMs)
            {
                return;
            }

            string request = DeviceMessages.WorkRequest(_config.Algorithms, _meter.TenthsPerSecond(now));
            if (_hw.Mqtt.Publish(_topics.WorkRequest, Utf8(request), false))
            {
                // docs/mqtt.md: ask again every 30 s while without a job.
                _nextWorkRequestMs = now + WorkRequestRetryMs;
            }
        }

        private void PublishStatusIfDue(long now)
        {
            string state;
            bool enabled;
            lock (_gate)
            {
                state = _status.State;
                enabled = _status.MiningEnabled;
            }

            if (_statusDue || now >= _nextStatusMs || state != _publishedState || enabled != _publishedEnabled)
            {
                if (PublishStatus(now))
                {
                    _statusDue = false;
                    _publishedState = state;
                    _publishedEnabled = enabled;
                    _nextStatusMs = now + (_config.StatusIntervalSeconds * 1000L);
                }
            }
        }

        private bool PublishStatus(long now)
        {
            string json;
            lock (_gate)
            {
                json = DeviceMessages.Status(_config.DeviceId, TimeText(), _status);
            }

            return _hw.Mqtt.Publish(_topics.Status, Utf8(json), true);
        }
    }
}
