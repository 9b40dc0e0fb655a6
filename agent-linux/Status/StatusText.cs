using System;
using IotMinerAgent.Linux.Mining;

namespace IotMinerAgent.Linux.Status;

/// <summary>The one-line summary: the terminal's live line and systemd's STATUS= are the same text.</summary>
public static class StatusText
{
    /// <summary>
    /// e.g. "mining · 12.3 MH/s · 57.2 °C · duty 100 % · 120 accepted · pool host:3333"; below full speed the reason
    /// leads ("paused: device busy (other processes 91 % CPU) · 0.0 H/s · …"), so a waiting agent never looks stuck.
    /// </summary>
    public static string OneLine(AgentStatus s)
    {
        string? pool = s.Pool == DemoWorkSource.Label ? null : s.Pool;
        var figures = new ServiceStatusFigures(s.HashrateHs, s.TemperatureC, (int)Math.Round(s.DutyPercent), s.Accepted, s.Rejected, pool, s.Algo, s.Tier);
        return $"{Headline(s)} · {ServiceStatusLine.Format(figures)}";
    }

    /// <summary>"mining" at full speed, else the state with its reason ("throttled: no temperature reading, fixed duty 25 %").</summary>
    public static string Headline(AgentStatus s)
    {
        string name = Name(s.State);
        if (s.State == AgentState.Mining || string.IsNullOrWhiteSpace(s.Reason))
        {
            return name;
        }

        // The governor's reasons already start with the state ("paused: …"); others ("waiting for work from …") get it.
        return s.Reason.StartsWith(name + ":", StringComparison.Ordinal) ? s.Reason : $"{name}: {s.Reason}";
    }

    /// <summary>The state as the MQTT contract spells it.</summary>
    public static string Name(AgentState state) => state switch
    {
        AgentState.Mining => "mining",
        AgentState.Throttled => "throttled",
        AgentState.Paused => "paused",
        AgentState.NoWork => "no-work",
        _ => "error",
    };
}
