using System;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Status
{
    /// <summary>
    /// A snapshot of what the miner does, for the product's own UI and for the MQTT status (docs/mqtt.md, "status").
    /// Temperatures are milli-°C, rates tenths of H/s: the board has no double FPU.
    /// </summary>
    public sealed class MinerStatus
    {
        /// <summary><c>mining</c>, <c>throttled</c>, <c>paused</c>, <c>no-work</c> or <c>error</c>.</summary>
        public string State { get; set; } = "paused";

        /// <summary>Why (which limit, who paused, which fault); empty when mining at full duty without a reason.</summary>
        public string Reason { get; set; } = string.Empty;

        /// <summary>False after a pause command (or <c>IotMiner.Stop</c>) until resumed.</summary>
        public bool MiningEnabled { get; set; }

        /// <summary>The owner's consent.</summary>
        public bool Consent { get; set; }

        /// <summary>Hashes per second over the last minute, in tenths.</summary>
        public long HashRateTenths { get; set; }

        /// <summary>Algorithm of the current job, or null before the first job.</summary>
        public string? Algorithm { get; set; }

        /// <summary>
        /// The sha256d engine picked at start: <c>scalar</c> (managed), <c>native-soft</c> or <c>native-esp32-sha</c>
        /// (firmware/Native in a custom nanoCLR image).
        /// </summary>
        public string Engine { get; set; } = ManagedSliceEngine.EngineName;

        /// <summary>Native engines the board offered that failed their self-test at start, and why; empty when none did.</summary>
        public string EngineRejections { get; set; } = string.Empty;

        /// <summary>Duty cycle the governor allows now, 0..100.</summary>
        public int DutyPercent { get; set; }

        /// <summary>The owner's duty ceiling.</summary>
        public int MaxDutyPercent { get; set; }

        /// <summary>The temperature the governor holds the chip below, milli-°C.</summary>
        public int TargetMilliC { get; set; }

        /// <summary>True when <see cref="TemperatureMilliC"/> is a plausible reading.</summary>
        public bool HasTemperature { get; set; }

        /// <summary>The chip temperature, milli-°C.</summary>
        public int TemperatureMilliC { get; set; }

        /// <summary>Shares the gateway accepted.</summary>
        public int Accepted { get; set; }

        /// <summary>Shares the gateway rejected.</summary>
        public int Rejected { get; set; }

        /// <summary>Shares the gateway called stale.</summary>
        public int Stale { get; set; }

        /// <summary>Highest difficulty of an accepted share.</summary>
        public Difficulty BestDifficulty { get; set; }

        /// <summary>Shares found since boot.</summary>
        public int SharesFound { get; set; }

        /// <summary>Shares found while the outbox was full (announced by an event).</summary>
        public int SharesDropped { get; set; }

        /// <summary>Shares the gateway holds for upstream (answered accepted-pending), final verdict still to come.</summary>
        public int SharesPending { get; set; }

        /// <summary>Shares waiting in the outbox.</summary>
        public int OutboxCount { get; set; }

        /// <summary>Times the watchdog restarted a stalled mining loop.</summary>
        public int LoopRestarts { get; set; }

        /// <summary>Free heap, bytes.</summary>
        public long FreeHeapBytes { get; set; }

        /// <summary>
        /// The pool in use, <c>host:port</c> of the Duino node in Duino mode; null in gateway mode (only the gateway knows its pool).
        /// </summary>
        public string? Pool { get; set; }

        /// <summary>
        /// The Duino start-difficulty tier the board asks for now (it moves when the pool says so), the status <c>tier</c>;
        /// null in gateway mode.
        /// </summary>
        public string? DuinoTier { get; set; }

        /// <summary>True when the board's power is known, so <see cref="EnergyMicroJoules"/> counts.</summary>
        public bool HasEnergy { get; set; }

        /// <summary>Energy the board used since start, µJ (<see cref="EnergyCounter"/>).</summary>
        public long EnergyMicroJoules { get; set; }

        /// <summary>Seconds since start.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>True while Wi-Fi is up.</summary>
        public bool WifiConnected { get; set; }

        /// <summary>True while the MQTT session is up.</summary>
        public bool MqttConnected { get; set; }
    }
}
