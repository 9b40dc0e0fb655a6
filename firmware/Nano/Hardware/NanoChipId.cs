using System;
using System.Net.NetworkInformation;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>
    /// The board's chip id for a Duino pool (<c>DUCOID&lt;chip id&gt;</c>): the Wi-Fi interface's MAC address in hex,
    /// which the ESP32 burns into eFuse at the factory, as the official ESP32 miner derives its id from the eFuse MAC.
    /// </summary>
    public static class NanoChipId
    {
        /// <summary>The MAC of the first network interface as 12 hex digits, or empty when it cannot be read.</summary>
        public static string Read()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                return interfaces.Length == 0 ? string.Empty : Hex.Encode(interfaces[0].PhysicalAddress).ToUpper();
            }
            catch (Exception)
            {
                return string.Empty;
            }
        }
    }
}
