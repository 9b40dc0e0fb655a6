// Model of assembly nanoFramework.M2Mqtt.Core of the nanoFramework.M2Mqtt package
// (https://github.com/nanoframework/nanoFramework.m2mqtt, tag v5.1.199; Baselines/nanoFramework.M2Mqtt.Core.5.1.199.txt):
// the message types and enums M2MqttLink uses.
namespace nanoFramework.M2Mqtt
{
    using nanoFramework.M2Mqtt.Messages;

    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
    }

    public interface IMqttClient
    {
        delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
    }

    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }

    public class MqttMsgPublishEventArgs : System.EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;

        public string Topic => throw null;

        public byte[] Message => throw null;

        public bool Retain => throw null;
    }
}
