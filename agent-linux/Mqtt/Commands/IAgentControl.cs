

namespace IotMinerAgent.Linux.Mqtt.Commands;

/// <summary>
/// What MQTT commands may change in the agent (implemented by the agent host). Values arrive validated
/// (<see cref="IotMinerAgent.Hashing.DeviceContract.CommandLimits"/>); an implementation may still refuse by throwing
/// <see cref="System.InvalidOperationException"/> or <see cref="System.ArgumentException"/>, whose message is
/// answered on <c>event</c>. There is deliberately no way to change the pool or the payout address.
/// </summary>
public interface IAgentControl
{
    /// <summary>Largest thread count the threads command accepts (usually the number of cores).</summary>
    int MaxThreads { get; }

    /// <summary>Stops hashing until <see cref="Resume"/>; the status shows <c>paused</c> and <c>mining_enabled: false</c>.</summary>
    void Pause();

    /// <summary>Hashes again after <see cref="Pause"/>.</summary>
    void Resume();

    /// <summary>Sets the temperature the governor holds the device below, in °C.</summary>
    void SetTargetTemperature(double celsius);

    /// <summary>Sets the duty ceiling, in whole percent.</summary>
    void SetMaxDuty(int percent);

    /// <summary>Sets the number of hashing threads.</summary>
    void SetThreads(int threads);
}
