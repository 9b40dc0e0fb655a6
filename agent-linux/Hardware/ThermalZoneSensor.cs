using System.IO;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>A thermal zone of the Linux thermal framework (/sys/class/thermal/thermal_zoneN/temp).</summary>
/// <param name="temperaturePath">The zone's <c>temp</c> file.</param>
/// <param name="zoneType">The zone's <c>type</c> (e.g. cpu-thermal), for the description.</param>
public sealed class ThermalZoneSensor(string temperaturePath, string zoneType) : ITemperatureSensor
{
    /// <summary>The file read.</summary>
    public string TemperaturePath { get; } = temperaturePath;

    /// <inheritdoc/>
    public string Description { get; } = $"{Path.GetFileName(Path.GetDirectoryName(temperaturePath))} ({zoneType})";

    /// <inheritdoc/>
    public bool TryReadMilliCelsius(out int milliCelsius) => SysfsTemperatureFile.TryRead(TemperaturePath, out milliCelsius);
}
