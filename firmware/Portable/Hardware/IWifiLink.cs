namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>The Wi-Fi station link.</summary>
    public interface IWifiLink
    {
        /// <summary>True while associated with an IP address.</summary>
        bool IsConnected { get; }

        /// <summary>Connects (or reconnects) with the configured network, waiting at most <paramref name="timeoutMs"/>.</summary>
        /// <returns>True when connected.</returns>
        bool Connect(int timeoutMs);
    }
}
