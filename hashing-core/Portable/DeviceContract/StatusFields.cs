namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>
    /// The field names of the <c>status</c> JSON (docs/mqtt.md, "status"), shared by the Linux agent and the ESP32
    /// firmware so both publish the same document.
    /// </summary>
    public static class StatusFields
    {
        /// <summary>Contract version.</summary>
        public const string V = "v";

        /// <summary>The publishing device.</summary>
        public const string DeviceId = "device_id";

        /// <summary>ISO 8601 UTC time of the snapshot.</summary>
        public const string Time = "time";

        /// <summary><c>mining</c>, <c>throttled</c>, <c>paused</c>, <c>no-work</c> or <c>error</c>.</summary>
        public const string State = "state";

        /// <summary>Why, or null.</summary>
        public const string Reason = "reason";

        /// <summary>False after a pause until resumed.</summary>
        public const string MiningEnabled = "mining_enabled";

        /// <summary>Hashes per second over the last minute.</summary>
        public const string HashrateHs = "hashrate_hs";

        /// <summary>Algorithm of the current job, or null.</summary>
        public const string Algo = "algo";

        /// <summary>The hashing engine.</summary>
        public const string Engine = "engine";

        /// <summary>Hashing threads in use.</summary>
        public const string Threads = "threads";

        /// <summary>Upper bound of the threads command.</summary>
        public const string MaxThreads = "max_threads";

        /// <summary>Current overall duty, 0–100.</summary>
        public const string DutyPercent = "duty_percent";

        /// <summary>The owner's duty ceiling.</summary>
        public const string MaxDutyPercent = "max_duty_percent";

        /// <summary>The temperature the governor holds the device below.</summary>
        public const string TargetTemperatureC = "target_temperature_c";

        /// <summary>Measured temperature, or null without a sensor.</summary>
        public const string TemperatureC = "temperature_c";

        /// <summary>Accepted shares.</summary>
        public const string Accepted = "accepted";

        /// <summary>Rejected shares.</summary>
        public const string Rejected = "rejected";

        /// <summary>Stale shares.</summary>
        public const string Stale = "stale";

        /// <summary>Highest share difficulty.</summary>
        public const string BestDifficulty = "best_difficulty";

        /// <summary>The pool in use, or null.</summary>
        public const string Pool = "pool";

        /// <summary>The pool's difficulty tier (Duino-Coin: LOW, MEDIUM, NET, ESP32, ...), or null for a pool without tiers.</summary>
        public const string Tier = "tier";

        /// <summary>Seconds since start.</summary>
        public const string UptimeS = "uptime_s";

        /// <summary>Software version.</summary>
        public const string Version = "version";

        /// <summary>Linux agent only (so far): kWh used since start, from duty × board power; null when the power is unknown.</summary>
        public const string EnergyKwh = "energy_kwh";

        /// <summary>Linux agent only (so far): the energy ledger's cost over its kept days, in energy:currency; null while no price was ever known.</summary>
        public const string EnergyCost = "energy_cost";

        /// <summary>ESP32 only: the owner's consent.</summary>
        public const string Consent = "consent";

        /// <summary>ESP32 only: free heap, bytes.</summary>
        public const string FreeHeapBytes = "free_heap_bytes";

        /// <summary>ESP32 only: shares held in the RAM outbox.</summary>
        public const string Outbox = "outbox";

        /// <summary>ESP32 only: shares the gateway answered accepted-pending whose final verdict has not come yet.</summary>
        public const string SharesPending = "shares_pending";

        /// <summary>ESP32 only: shares found while the outbox was full.</summary>
        public const string SharesDropped = "shares_dropped";

        /// <summary>ESP32 only: watchdog restarts of the mining loop.</summary>
        public const string LoopRestarts = "loop_restarts";

        /// <summary>Every device's status fields, in the order of the docs' table (<c>accepted, rejected, stale</c> as three).</summary>
        public static readonly string[] Common =
        {
            V, DeviceId, Time, State, Reason, MiningEnabled, HashrateHs, Algo, Engine, Threads, MaxThreads, DutyPercent,
            MaxDutyPercent, TargetTemperatureC, TemperatureC, Accepted, Rejected, Stale, BestDifficulty, Pool, Tier, UptimeS, Version,
        };

        /// <summary>The fields the Linux agent adds after <see cref="Common"/> (docs/mqtt.md, after the status table).</summary>
        public static readonly string[] AgentExtra = { EnergyKwh, EnergyCost };

        /// <summary>The fields an ESP32 adds after <see cref="Common"/> (docs/mqtt.md, "ESP32 devices").</summary>
        public static readonly string[] Esp32Extra = { EnergyKwh, Consent, FreeHeapBytes, Outbox, SharesPending, SharesDropped, LoopRestarts };
    }
}
