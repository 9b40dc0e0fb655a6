namespace IotMinerAgent.Linux.Status;

/// <summary>The governor's latest decision and the owner's limits, as status needs them.</summary>
public interface IThrottleStatus
{
    /// <summary>Mining, throttled or paused.</summary>
    AgentState State { get; }

    /// <summary>The governor's (or the owner's) reason.</summary>
    string Reason { get; }

    /// <summary>False while the owner has paused mining.</summary>
    bool MiningEnabled { get; }

    /// <summary>
    /// Overall duty in percent: the share of full speed on all threads, as the owner's max duty and the no-sensor duty
    /// mean it (25 % on two threads is one worker at 50 %, shown as 25).
    /// </summary>
    int DutyPercent { get; }

    /// <summary>The owner's duty ceiling in percent.</summary>
    int MaxDutyPercent { get; }

    /// <summary>The temperature the governor holds the device below, °C.</summary>
    double TargetTemperatureC { get; }

    /// <summary>Threads allowed now.</summary>
    int Threads { get; }

    /// <summary>CPU temperature in °C, or null without a sensor.</summary>
    double? TemperatureC { get; }
}
