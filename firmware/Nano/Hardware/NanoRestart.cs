using System.Diagnostics;
using IotMinerAgent.Firmware.Hardware;
using nanoFramework.Runtime.Native;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>Reboots the board with <c>Power.RebootDevice()</c>.</summary>
    public sealed class NanoRestart : IDeviceRestart
    {
        /// <inheritdoc />
        public void Reboot(string reason)
        {
            Debug.WriteLine("iotminer: rebooting: " + reason);
            Power.RebootDevice();
        }
    }
}
