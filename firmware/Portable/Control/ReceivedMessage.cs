namespace IotMinerAgent.Firmware.Control
{
    /// <summary>A message taken from the MQTT client's thread, handled later on the controller's.</summary>
    internal sealed class ReceivedMessage
    {
        public ReceivedMessage(string topic, byte[] payload, bool retained)
        {
            Topic = topic;
            Payload = payload;
            Retained = retained;
        }

        public string Topic { get; private set; }

        public byte[] Payload { get; private set; }

        public bool Retained { get; private set; }
    }
}
