namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>Restarts the board (nanoFramework: <c>Power.RebootDevice()</c>), the last resort of the guards.</summary>
    public interface IDeviceRestart
    {
        /// <summary>Reboots; <paramref name="reason"/> is logged first.</summary>
        void Reboot(string reason);
    }
}
