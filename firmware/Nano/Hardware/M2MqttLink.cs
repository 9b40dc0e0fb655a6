using System;
using System.Security.Cryptography.X509Certificates;
using IotMinerAgent.Firmware.Hardware;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>The firmware's MQTT link on nanoFramework.M2Mqtt: MQTT 5, QoS 1, TLS 1.2 with the CA from internal storage.</summary>
    public sealed class M2MqttLink : IMqttLink
    {
        private readonly MqttClient _client;
        private readonly string _username;
        private readonly string _password;
        private IMqttMessageSink? _sink;

        /// <summary>A link to the broker; <paramref name="caPem"/> is null without TLS or without a CA file.</summary>
        public M2MqttLink(string host, int port, bool tls, byte[]? caPem, string username, string password)
        {
            X509Certificate? ca = caPem == null ? null : new X509Certificate(caPem);
            _client = new MqttClient(host, port, tls, ca, null, tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            _client.ProtocolVersion = MqttProtocolVersion.Version_5;
            _client.MqttMsgPublishReceived += OnPublishReceived;
            _username = username;
            _password = password;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _client.IsConnected; }
        }

        /// <inheritdoc />
        public bool Connect(string clientId, string willTopic, byte[] willPayload, int keepAliveSeconds)
        {
            try
            {
                string? user = _username.Length == 0 ? null : _username;
                string? password = _password.Length == 0 ? null : _password;
                MqttReasonCode code = _client.Connect(clientId, user, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic,
                    System.Text.Encoding.UTF8.GetString(willPayload, 0, willPayload.Length), true, (ushort)keepAliveSeconds);
                return code == MqttReasonCode.Success;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool Subscribe(string[] topics)
        {
            try
            {
                MqttQoSLevel[] levels = new MqttQoSLevel[topics.Length];
                for (int i = 0; i < levels.Length; i++)
                {
                    levels[i] = MqttQoSLevel.AtLeastOnce;
                }

                _client.Subscribe(topics, levels);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            try
            {
                _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            try
            {
                _client.Disconnect();
            }
            catch (Exception)
            {
                // Already gone: nothing left to close.
            }
        }

        /// <inheritdoc />
        public void SetReceiver(IMqttMessageSink sink)
        {
            _sink = sink;
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            IMqttMessageSink? sink = _sink;
            if (sink != null)
            {
                sink.OnMessage(e.Topic, e.Message, e.Retain);
            }
        }
    }
}
