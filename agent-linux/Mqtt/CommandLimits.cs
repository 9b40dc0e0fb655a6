namespace IotMinerAgent.Linux.Mqtt;

/// <summary>Names and accepted ranges of the MQTT commands (also the Home Assistant number bounds).</summary>
public static class CommandLimits
{
    /// <summary><c>cmd/pause</c>: no value.</summary>
    public const string Pause = "pause";

    /// <summary><c>cmd/resume</c>: no value.</summary>
    public const string Resume = "resume";

    /// <summary><c>cmd/mining</c>: <c>ON</c> (resume) or <c>OFF</c> (pause); the Home Assistant switch.</summary>
    public const string Mining = "mining";

    /// <summary><c>cmd/target_temperature</c>: °C.</summary>
    public const string TargetTemperature = "target_temperature";

    /// <summary><c>cmd/max_duty</c>: whole percent.</summary>
    public const string MaxDuty = "max_duty";

    /// <summary><c>cmd/threads</c>: whole number of threads.</summary>
    public const string Threads = "threads";

    /// <summary>Every command name, in the order the docs list them.</summary>
    public static readonly string[] Names = [Pause, Resume, Mining, TargetTemperature, MaxDuty, Threads];

    /// <summary>Lowest target temperature: below this a Pi would throttle against room temperature.</summary>
    public const double MinTargetTemperatureC = 30;

    /// <summary>Highest target temperature: the Raspberry Pi firmware's hard throttling point; above it the firmware, not the governor, would be in control.</summary>
    public const double MaxTargetTemperatureC = 85;

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
