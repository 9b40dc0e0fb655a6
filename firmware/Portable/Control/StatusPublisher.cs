using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Firmware.Status;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Publishes the retained status: every mining.statusIntervalSeconds, at once when the state or the enabled flag
    /// changes, and when something asked for it (a command, a new session, a watchdog restart).
    /// </summary>
    internal sealed class StatusPublisher
    {
        private readonly IMqttLink _mqtt;
        private readonly DeviceTopics _topics;
        private readonly FirmwareConfig _config;
        private long _nextStatusMs;
        private bool _statusDue;
        private string _publishedState = string.Empty;
        private bool _publishedEnabled;

        public StatusPublisher(IMqttLink mqtt, DeviceTopics topics, FirmwareConfig config, long startMs)
        {
            _mqtt = mqtt;
            _topics = topics;
            _config = config;
            _nextStatusMs = startMs;
        }

        /// <summary>Publish at the next chance, whatever the interval.</summary>
        public void MarkDue()
        {
            _statusDue = true;
        }

        /// <summary>Publishes the status when due or changed.</summary>
        public void PublishIfDue(long now, MinerStatus status, string? time)
        {
            string state = status.State;
            bool enabled = status.MiningEnabled;
            if (_statusDue || now >= _nextStatusMs || state != _publishedState || enabled != _publishedEnabled)
            {
                if (Publish(status, time))
                {
                    _statusDue = false;
                    _publishedState = state;
                    _publishedEnabled = enabled;
                    _nextStatusMs = now + (_config.StatusIntervalSeconds * 1000L);
                }
            }
        }

        /// <summary>Publishes the status now (retained); false when the publish failed.</summary>
        public bool Publish(MinerStatus status, string? time)
        {
            return _mqtt.Publish(_topics.Status, Text.Utf8.GetBytes(DeviceMessages.Status(_config.DeviceId, time, status)), true);
        }
    }
}
