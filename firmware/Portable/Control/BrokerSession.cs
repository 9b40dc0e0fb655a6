using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>Keeps Wi-Fi and the MQTT session (when a broker is configured) up, with backoff, and says goodbye on shutdown.</summary>
    internal sealed class BrokerSession
    {
        private const int WifiConnectTimeoutMs = 10000;
        private const long FirstBackoffMs = 1000;
        private const long LongestBackoffMs = 30000;

        private readonly DeviceHardware _hw;
        private readonly DeviceTopics _topics;
        private readonly FirmwareConfig _config;
        private readonly string[] _subscriptions;
        private long _nextWifiAttemptMs;
        private long _nextMqttAttemptMs;
        private long _backoffMs = FirstBackoffMs;

        /// <param name="hardware">The board.</param>
        /// <param name="topics">The device's own topics.</param>
        /// <param name="config">The broker settings.</param>
        /// <param name="extraTopics">Topics subscribed besides the device's own (the energy rule's price, surplus, … topics).</param>
        public BrokerSession(DeviceHardware hardware, DeviceTopics topics, FirmwareConfig config, string[] extraTopics)
        {
            _hw = hardware;
            _topics = topics;
            _config = config;
            string[] own = topics.Subscriptions();
            _subscriptions = new string[own.Length + extraTopics.Length];
            System.Array.Copy(own, _subscriptions, own.Length);
            System.Array.Copy(extraTopics, 0, _subscriptions, own.Length, extraTopics.Length);
        }

        /// <summary>
        /// True when the broker is reachable now; <paramref name="cameUp"/> is true on the round the session was
        /// (re)established, when the caller must resend unjudged shares, ask for work and publish its status.
        /// </summary>
        public bool EnsureConnected(long now, out bool cameUp)
        {
            cameUp = false;
            if (!_hw.Wifi.IsConnected)
            {
                if (now >= _nextWifiAttemptMs && !_hw.Wifi.Connect(WifiConnectTimeoutMs))
                {
                    _nextWifiAttemptMs = now + NextBackoff();
                }

                return false;
            }

            if (!_config.HasBroker)
            {
                // A Duino board without a broker: Wi-Fi is all it needs, for the pool.
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

            bool up = _hw.Mqtt.Connect(DeviceTopic.ClientId(_config.DeviceId), _topics.Availability, Text.Utf8.GetBytes(DeviceTopic.Offline), _config.KeepAliveSeconds) &&
                _hw.Mqtt.Subscribe(_subscriptions) && _hw.Mqtt.Publish(_topics.Availability, Text.Utf8.GetBytes(DeviceTopic.Online), true);
            if (!up)
            {
                _nextMqttAttemptMs = now + NextBackoff();
                return false;
            }

            _backoffMs = FirstBackoffMs;
            cameUp = true;
            return true;
        }

        /// <summary>Availability offline (retained), then disconnect; the caller publishes its last status first.</summary>
        public void SayGoodbye()
        {
            _hw.Mqtt.Publish(_topics.Availability, Text.Utf8.GetBytes(DeviceTopic.Offline), true);
            _hw.Mqtt.Disconnect();
        }

        // Exponential backoff, 1 s to 30 s, so a fleet of boards does not hammer a broker that is restarting.
        private long NextBackoff()
        {
            long delay = _backoffMs;
            _backoffMs = _backoffMs * 2 > LongestBackoffMs ? LongestBackoffMs : _backoffMs * 2;
            return delay;
        }
    }
}
