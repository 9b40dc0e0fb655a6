namespace IotMinerAgent.Linux.Status;

/// <summary>A snapshot of the agent, as the terminal line, systemd's STATUS= and MQTT's status message show it.</summary>
/// <param name="State">mining, throttled, paused, no-work or error.</param>
/// <param name="Reason">Why, in the owner's words (e.g. "throttled: 71.2 °C > target 70 °C").</param>
/// <param name="HashrateHs">Hashes per second, one-minute average.</param>
/// <param name="Algo">The algorithm.</param>
/// <param name="Engine">The engine.</param>
/// <param name="Threads">Threads hashing now.</param>
/// <param name="DutyPercent">Duty cycle in percent.</param>
/// <param name="TemperatureC">CPU temperature, or null without a sensor.</param>
/// <param name="Accepted">Shares accepted.</param>
/// <param name="Rejected">Shares rejected.</param>
/// <param name="Stale">Shares stale.</param>
/// <param name="BestDifficulty">The best share's difficulty.</param>
/// <param name="Pool">The pool, or "demo — not earning".</param>
/// <param name="UptimeS">Seconds since start.</param>
/// <param name="Version">The agent's version.</param>
public sealed record AgentStatus(
    string State,
    string Reason,
    double HashrateHs,
    string Algo,
    string Engine,
    int Threads,
    int DutyPercent,
    double? TemperatureC,
    long Accepted,
    long Rejected,
    long Stale,
    double BestDifficulty,
    string Pool,
    long UptimeS,
    string Version);
