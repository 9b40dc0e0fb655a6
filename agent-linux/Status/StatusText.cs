using System;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Status;

/// <summary>The one-line summary: the terminal's live line and systemd's STATUS= are the same text.</summary>
public static class StatusText
{
    /// <summary>e.g. "mining · 12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool host:3333".</summary>
    public static string OneLine(AgentStatus s)
    {
        string? pool = s.Pool == DemoWorkSource.Label ? null : s.Pool;
        var figures = new ServiceStatusFigures(s.HashrateHs, s.TemperatureC, (int)Math.Round(s.DutyPercent), s.Accepted, s.Rejected, pool);
        return $"{Name(s.State)} · {ServiceStatusLine.Format(figures)}";
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
