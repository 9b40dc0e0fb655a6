using System;
using System.Globalization;

namespace IotMinerAgent.Linux.Service;

/// <summary>How the <see cref="ServiceWatchdog"/> judges the workers and how often it reports.</summary>
public sealed class ServiceWatchdogOptions
{
    /// <summary>
    /// systemd's watchdog timeout (the unit's <c>WatchdogSec=</c>), or null when the watchdog is off. The watchdog
    /// pings every half of it, as sd_watchdog_enabled(3) recommends.
    /// </summary>
    public TimeSpan? WatchdogTimeout { get; init; }

    /// <summary>
    /// A worker that made no progress for this long counts as hung and the pings stop, so systemd restarts the
    /// agent at most <see cref="WatchdogTimeout"/> later. Far above a chunk's time (milliseconds) even on a Pi.
    /// </summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the status line is refreshed when the watchdog is off.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time between two checks: half the watchdog timeout, else <see cref="StatusInterval"/>.</summary>
    public TimeSpan Period => WatchdogTimeout is TimeSpan timeout ? timeout / 2 : StatusInterval;

    /// <summary>Options with the watchdog timeout systemd passed in this process's environment.</summary>
    public static ServiceWatchdogOptions FromEnvironment() => new()
    {
        WatchdogTimeout = WatchdogTimeoutFrom(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
            Environment.GetEnvironmentVariable("WATCHDOG_PID"),
            Environment.ProcessId),
    };

    /// <summary>
    /// The watchdog timeout from <c>WATCHDOG_USEC</c> (microseconds), following sd_watchdog_enabled(3): off when it is
    /// unset or not a positive number, or when <c>WATCHDOG_PID</c> is set to another process than this one.
    /// </summary>
    public static TimeSpan? WatchdogTimeoutFrom(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!ulong.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(Math.Min(usec, (ulong)TimeSpan.MaxValue.TotalMicroseconds / 2));
    }
}
