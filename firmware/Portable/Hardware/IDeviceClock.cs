using System;

namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>Time on the device: a monotonic millisecond counter, and wall-clock time once SNTP has set it.</summary>
    public interface IDeviceClock
    {
        /// <summary>Milliseconds since boot; never goes back (job lifetimes and the watchdog use it).</summary>
        long UptimeMs { get; }

        /// <summary>True once the wall clock is set (nanoFramework sets it from SNTP after Wi-Fi connects).</summary>
        bool IsWallClockSet { get; }

        /// <summary>UTC wall-clock time; only meaningful with <see cref="IsWallClockSet"/>.</summary>
        DateTime UtcNow { get; }
    }
}
