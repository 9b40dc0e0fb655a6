namespace IotMinerAgent.Linux.Hardware;

/// <summary>A CPU temperature sensor.</summary>
public interface ITemperatureSensor
{
    /// <summary>Where the reading comes from, for status and logs (e.g. "thermal_zone0 (cpu-thermal)").</summary>
    string Description { get; }

    /// <summary>Reads the temperature in milli-°C.</summary>
    /// <returns>False when no reading could be taken this time.</returns>
    bool TryReadMilliCelsius(out int milliCelsius);
}
