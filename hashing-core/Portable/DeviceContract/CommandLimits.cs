namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>
    /// What the commands accept (also the Home Assistant number bounds) and how much of a command is read and echoed.
    /// The upper bound of <c>threads</c> is the device's own (<c>max_threads</c> in its status).
    /// </summary>
    public static class CommandLimits
    {
        /// <summary>Lowest target temperature, °C: below this a device would throttle against room temperature.</summary>
        public const int MinTargetTemperatureC = 30;

        /// <summary>
        /// Highest target temperature, °C: the Raspberry Pi firmware's hard throttling point; above it the firmware, not
        /// the governor, would be in control (the ESP32's sensor is rated to 125 °C but its package is not).
        /// </summary>
        public const int MaxTargetTemperatureC = 85;

        /// <summary>Lowest max duty (percent): 0 would be a pause, which has its own command.</summary>
        public const int MinMaxDutyPercent = 1;

        /// <summary>Highest max duty (percent).</summary>
        public const int MaxMaxDutyPercent = 100;

        /// <summary>Lowest number of threads.</summary>
        public const int MinThreads = 1;

        /// <summary>Longest command name echoed in answers and logs (escaped, truncation mark included).</summary>
        public const int MaxNameLength = 64;

        /// <summary>Longest request id echoed in answers (escaped, truncation mark included).</summary>
        public const int MaxRequestIdLength = 128;

        /// <summary>Largest payload read (bytes); longer ones are refused before parsing.</summary>
        public const int MaxPayloadBytes = 1024;
    }
}
