using System;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>The governor's latest decision as the status (MQTT, CLI) reports it.</summary>
/// <param name="At">When the decision was taken.</param>
/// <param name="Decision">The decision itself.</param>
/// <param name="Sensor">Where the temperature came from, or null when the board has no sensor.</param>
public sealed record GovernorStatus(DateTimeOffset At, GovernorDecision Decision, string? Sensor)
{
    /// <summary>"mining", "throttled" or "paused".</summary>
    public string State => Decision.StateText;

    /// <summary>Share of each slice a running worker hashes, 0..100.</summary>
    public int DutyPercent => Decision.DutyPercent;

    /// <summary>Overall load, 0..100: the share of full speed on all threads (what max duty and the no-sensor duty mean).</summary>
    public int LoadPercent => Decision.LoadPercent;

    /// <summary>Workers running.</summary>
    public int Threads => Decision.Threads;

    /// <summary>Why, e.g. "throttled: 71.2 °C > target 70 °C".</summary>
    public string Reason => Decision.Reason;

    /// <summary>CPU temperature in °C, or null without a plausible reading (never 0).</summary>
    public double? TemperatureC => Decision.HasTemperature ? Decision.TemperatureMilliC / 1000.0 : null;
}
