// Model of assembly nanoFramework.M2Mqtt of the nanoFramework.M2Mqtt package
// (https://github.com/nanoframework/nanoFramework.m2mqtt, tag v5.1.199; Baselines/nanoFramework.M2Mqtt.5.1.199.txt):
// the client members M2MqttLink calls.
namespace nanoFramework.M2Mqtt
{
    using System.Collections;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }

    public class MqttClient
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public bool IsConnected => throw null;

        public MqttProtocolVersion ProtocolVersion
        {
            get => throw null;
            set => throw null;
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;

        public void Disconnect() => throw null;

        // Keeps the event "used" for the compiler (CS0067) without a public member the real client lacks.
        private void Raise(MqttMsgPublishEventArgs e) => MqttMsgPublishReceived?.Invoke(this, e);
    }
}
