namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>Receives the messages of the topics the firmware subscribed to (called on the MQTT client's thread).</summary>
    public interface IMqttMessageSink
    {
        /// <summary>One message; <paramref name="retained"/> when it came from the broker's retained store.</summary>
        void OnMessage(string topic, byte[] payload, bool retained);
    }
}
