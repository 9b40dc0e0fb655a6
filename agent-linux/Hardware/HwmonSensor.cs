using System.IO;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>A temperature input of a hwmon chip (/sys/class/hwmon/hwmonN/tempM_input), e.g. coretemp or k10temp.</summary>
/// <param name="inputPath">The <c>tempM_input</c> file.</param>
/// <param name="chipName">The chip's <c>name</c>, for the description.</param>
public sealed class HwmonSensor(string inputPath, string chipName) : ITemperatureSensor
{
    /// <summary>The file read.</summary>
    public string InputPath { get; } = inputPath;

    /// <inheritdoc/>
    public string Description { get; } = $"{Path.GetFileName(Path.GetDirectoryName(inputPath))}/{Path.GetFileName(inputPath)} ({chipName})";

    /// <inheritdoc/>
    public bool TryReadMilliCelsius(out int milliCelsius) => SysfsTemperatureFile.TryRead(InputPath, out milliCelsius);
}
