using System.Globalization;

namespace IotMinerAgent.Linux.Status;

/// <summary>The one-line summary: the terminal's live line and systemd's STATUS=.</summary>
public static class StatusText
{
    /// <summary>e.g. "mining · 12.3 MH/s · 57.2 °C · duty 80 % · 2 threads · 120 accepted · 1 rejected · 0 stale · pool …".</summary>
    public static string OneLine(AgentStatus s)
    {
        string temperature = s.TemperatureC is double t ? t.ToString("F1", CultureInfo.InvariantCulture) + " °C" : "no sensor";
        string state = Name(s.State);
        return $"{state} · {HashRate.Format(s.HashrateHs)} · {temperature} · duty {s.DutyPercent:F0} % · {s.Threads} threads · " +
               $"{s.Accepted} accepted · {s.Rejected} rejected · {s.Stale} stale · pool {s.Pool}";
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
