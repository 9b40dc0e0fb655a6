namespace IotMinerAgent.Flash.Config;

/// <summary>
/// Policy values used when the configuration leaves them out: the same target and hard limit as the Linux agent's
/// governor (70 °C / 80 °C), full duty, and mining whether or not the board is idle (a dedicated ESP32 has no other
/// work; the owner turns idle-only on for a board that does).
/// </summary>
public static class PolicyDefaults
{
    /// <summary>Default target temperature, °C.</summary>
    public const double TargetTemperatureC = 70;

    /// <summary>Default hard limit, °C.</summary>
    public const double HardLimitC = 80;

    /// <summary>Default highest duty, %.</summary>
    public const int MaxDutyPercent = 100;

    /// <summary>Default idle-only mode.</summary>
    public const bool IdleOnly = false;
}
