namespace IotMinerAgent.Firmware.Commands
{
    /// <summary>What a valid command does.</summary>
    public enum CommandKind
    {
        /// <summary>Refused; nothing changes.</summary>
        Refused = 0,

        /// <summary>Stop hashing until resumed.</summary>
        Pause = 1,

        /// <summary>Hash again.</summary>
        Resume = 2,

        /// <summary>Set the governor's target temperature.</summary>
        TargetTemperature = 3,

        /// <summary>Set the duty ceiling.</summary>
        MaxDuty = 4,

        /// <summary>Set the hashing threads (the ESP32 firmware hashes on one).</summary>
        Threads = 5,
    }
}
