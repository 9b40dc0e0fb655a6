using System;
using System.Diagnostics;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>Real time: a stopwatch for uptime, the host's UTC clock as the SNTP-set wall clock.</summary>
public sealed class VirtualClock : IDeviceClock
{
    readonly Stopwatch _uptime = Stopwatch.StartNew();

    /// <inheritdoc />
    public long UptimeMs => _uptime.ElapsedMilliseconds;

    /// <summary>False simulates a board before SNTP (status and share times are then null).</summary>
    public bool IsWallClockSet { get; set; } = true;

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;
}
