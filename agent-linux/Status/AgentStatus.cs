namespace IotMinerAgent.Linux.Status;

/// <summary>A snapshot of the agent: the terminal line, systemd's STATUS= and MQTT's status message show it.</summary>
public sealed record AgentStatus
{
    /// <summary>What the agent is doing.</summary>
    public required AgentState State { get; init; }

    /// <summary>Why (e.g. "paused by command", "temperature 71.5 °C above target 65 °C"); null when mining normally.</summary>
    public string? Reason { get; init; }

    /// <summary>False after a pause command (or the Home Assistant switch turned off) until resumed.</summary>
    public bool MiningEnabled { get; init; } = true;

    /// <summary>Hashes per second, averaged over the last minute.</summary>
    public double HashrateHs { get; init; }

    /// <summary>Algorithm being mined (sha256d, scrypt, duco-s1), or null before the first job.</summary>
    public string? Algo { get; init; }

    /// <summary>Hashing engine name (e.g. "avx2", "scalar").</summary>
    public string? Engine { get; init; }

    /// <summary>Hashing threads in use.</summary>
    public int Threads { get; init; }

    /// <summary>Upper bound accepted by the threads command.</summary>
    public int MaxThreads { get; init; } = 1;

    /// <summary>Current overall duty in percent (0..100) set by the governor: the share of full speed on all threads.</summary>
    public double DutyPercent { get; init; }

    /// <summary>
    /// The board's mining load in parts per million of full load: the overall duty while mining or throttled, none
    /// while paused or waiting for work (what the power model and the energy meter take).
    /// </summary>
    public int MiningLoadPpm => State is AgentState.Mining or AgentState.Throttled ? (int)System.Math.Round(DutyPercent * 10000) : 0;

    /// <summary>Duty ceiling set by the owner, percent.</summary>
    public int MaxDutyPercent { get; init; } = 100;

    /// <summary>Temperature the governor holds the device below, °C.</summary>
    public double TargetTemperatureC { get; init; }

    /// <summary>Measured temperature in °C, or null without a sensor.</summary>
    public double? TemperatureC { get; init; }

    /// <summary>Shares the pool accepted since start.</summary>
    public long Accepted { get; init; }

    /// <summary>Shares the pool rejected (stale ones excluded) since start.</summary>
    public long Rejected { get; init; }

    /// <summary>Shares the pool refused as stale since start.</summary>
    public long Stale { get; init; }

    /// <summary>Highest share difficulty found since start.</summary>
    public double BestDifficulty { get; init; }

    /// <summary>Pool in use as <c>scheme://host:port</c>, never with credentials; null when none.</summary>
    public string? Pool { get; init; }

    /// <summary>The pool's difficulty tier (Duino-Coin: LOW, MEDIUM, NET, ...), or null for a pool without tiers.</summary>
    public string? Tier { get; init; }

    /// <summary>Seconds since the agent started.</summary>
    public long UptimeS { get; init; }

    /// <summary>Agent version.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// kWh the board used since the agent started, estimated from the duty and the board's power (idle + duty × (full −
    /// idle), docs/board-power.md); null when the board's power is unknown (not in the table, no energy:boardWatts).
    /// </summary>
    public double? EnergyKwh { get; init; }

    /// <summary>
    /// What mining's energy cost over the energy ledger's kept days (docs/energy.md), in <c>energy:currency</c>, from
    /// the ledger's memory; null while no energy price was ever known.
    /// </summary>
    public double? EnergyCost { get; init; }
}
