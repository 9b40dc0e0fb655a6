namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>The configuration file on internal storage (littlefs drive I: on the device).</summary>
    public interface IConfigStorage
    {
        /// <summary>The text of <c>I:\iotminer.json</c>.</summary>
        /// <exception cref="System.IO.IOException">When the file is missing or unreadable (the message says which).</exception>
        string ReadConfigText();
    }
}
