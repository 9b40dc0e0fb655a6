using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// User activity from systemd-logind: a user's graphical or text session reports IdleHint=yes once its seat has
/// seen no input for a while (the desktop sets it; for ttys logind checks the terminal's access time), and
/// IdleSinceHintMonotonic (µs of CLOCK_MONOTONIC) says since when (org.freedesktop.login1.Session, loginctl(1)).
/// The device is idle when every such session is; without one, nobody is at the device. Background sessions (cron,
/// user managers) never go idle, so only sessions of class "user" with a seat-like type count.
/// </summary>
/// <param name="runner">Runs loginctl.</param>
/// <param name="time">The monotonic clock; the system one is CLOCK_MONOTONIC, the clock logind reports in.</param>
public sealed class LogindIdleSource(ICommandRunner runner, TimeProvider? time = null) : IIdleSource
{
    private static readonly string[] ListArguments = ["list-sessions", "--no-legend"];
    private static readonly HashSet<string> InteractiveTypes = ["x11", "wayland", "tty", "mir"];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc/>
    public string Description => "logind session idle hints";

    /// <inheritdoc/>
    public bool TryRead(out IdleReading reading)
    {
        reading = IdleReading.Busy;
        if (runner.Run("loginctl", ListArguments) is not { Succeeded: true, Output: string list })
        {
            return false;
        }

        TimeSpan idleFor = TimeSpan.MaxValue;
        foreach (string session in SessionIds(list))
        {
            if (!TryReadSession(session, out Dictionary<string, string> properties) || !IsInteractive(properties))
            {
                continue;
            }

            if (properties.GetValueOrDefault("IdleHint") != "yes")
            {
                reading = IdleReading.Busy with { Detail = $"login session {session} is in use" };
                return true;
            }

            TimeSpan sessionIdle = IdleSince(properties.GetValueOrDefault("IdleSinceHintMonotonic"));
            idleFor = sessionIdle < idleFor ? sessionIdle : idleFor;
        }

        reading = new IdleReading(true, idleFor);
        return true;
    }

    private static IEnumerable<string> SessionIds(string list) =>
        list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    private static bool IsInteractive(Dictionary<string, string> properties) =>
        properties.GetValueOrDefault("Class") == "user" && InteractiveTypes.Contains(properties.GetValueOrDefault("Type") ?? string.Empty);

    private bool TryReadSession(string session, out Dictionary<string, string> properties)
    {
        properties = [];
        string[] arguments = ["show-session", session, "-p", "IdleHint", "-p", "IdleSinceHintMonotonic", "-p", "Type", "-p", "Class"];
        if (runner.Run("loginctl", arguments) is not { Succeeded: true, Output: string output })
        {
            return false;
        }

        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                properties[line[..equals]] = line[(equals + 1)..];
            }
        }

        return true;
    }

    private TimeSpan IdleSince(string? sinceMicroseconds)
    {
        if (!long.TryParse(sinceMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out long since) || since <= 0)
        {
            return TimeSpan.Zero;
        }

        TimeSpan now = _time.GetElapsedTime(0, _time.GetTimestamp());
        TimeSpan idle = now - TimeSpan.FromMicroseconds(since);
        return idle > TimeSpan.Zero ? idle : TimeSpan.Zero;
    }
}
