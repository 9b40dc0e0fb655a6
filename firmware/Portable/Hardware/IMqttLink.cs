namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// The MQTT client (nanoFramework.M2Mqtt on the device, MQTTnet in the virtual device). Broker address, TLS and
    /// credentials are the platform's, taken from the configuration when the link is built. Every call returns false
    /// instead of throwing when the network is gone: the firmware retries, it never dies of a lost broker.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>True while the session is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Connects with a clean session, the last will <paramref name="willPayload"/> on <paramref name="willTopic"/>
        /// (retained, QoS 1) and the keep-alive.
        /// </summary>
        bool Connect(string clientId, string willTopic, byte[] willPayload, int keepAliveSeconds);

        /// <summary>Subscribes to <paramref name="topics"/> at QoS 1.</summary>
        bool Subscribe(string[] topics);

        /// <summary>Publishes at QoS 1; true once the broker has the message (or it is queued for the PUBACK).</summary>
        bool Publish(string topic, byte[] payload, bool retain);

        /// <summary>Disconnects cleanly (no last will).</summary>
        void Disconnect();

        /// <summary>Where received messages go.</summary>
        void SetReceiver(IMqttMessageSink sink);
    }
}
