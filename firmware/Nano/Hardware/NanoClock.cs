using System;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>
    /// Uptime from <c>Environment.TickCount64</c> (nanoFramework.Runtime.Native: milliseconds since the system started);
    /// wall time once SNTP (started by WifiNetworkHelper with requiresDateTime) has set it.
    /// </summary>
    public sealed class NanoClock : IDeviceClock
    {
        // Before SNTP the RTC starts at the CLR's epoch; any year before the firmware was written is "not set".
        private const int FirstPlausibleYear = 2025;

        /// <inheritdoc />
        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public bool IsWallClockSet
        {
            get { return DateTime.UtcNow.Year >= FirstPlausibleYear; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
