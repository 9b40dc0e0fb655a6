namespace IotMinerAgent.Linux.Status;

/// <summary>The governor's latest decision, as status needs it.</summary>
public interface IThrottleStatus
{
    /// <summary>mining, throttled or paused.</summary>
    string State { get; }

    /// <summary>The governor's reason.</summary>
    string Reason { get; }

    /// <summary>Duty cycle in percent.</summary>
    int DutyPercent { get; }

    /// <summary>Threads allowed now.</summary>
    int Threads { get; }

    /// <summary>CPU temperature in °C, or null without a sensor.</summary>
    double? TemperatureC { get; }
}
