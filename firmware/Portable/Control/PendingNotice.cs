namespace IotMinerAgent.Firmware.Control
{
    /// <summary>An event waiting for the broker: a command answer or a notice.</summary>
    internal sealed class PendingNotice
    {
        public PendingNotice(string json)
        {
            Json = json;
        }

        public string Json { get; private set; }
    }
}
