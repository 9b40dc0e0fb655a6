namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// The MQTT link of a Duino board configured without a broker: never connected, every call refused. The firmware
    /// does not even try it (no broker configured), so no MQTT client is built for a host that does not exist.
    /// </summary>
    public sealed class NoBrokerLink : IMqttLink
    {
        /// <inheritdoc />
        public bool IsConnected
        {
            get { return false; }
        }

        /// <inheritdoc />
        public bool Connect(string clientId, string willTopic, byte[] willPayload, int keepAliveSeconds)
        {
            return false;
        }

        /// <inheritdoc />
        public bool Subscribe(string[] topics)
        {
            return false;
        }

        /// <inheritdoc />
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            return false;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
        }

        /// <inheritdoc />
        public void SetReceiver(IMqttMessageSink sink)
        {
        }
    }
}
