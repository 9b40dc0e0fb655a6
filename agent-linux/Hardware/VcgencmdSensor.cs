using System;
using System.Globalization;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// The Raspberry Pi firmware's own reading via <c>vcgencmd measure_temp</c> ("temp=48.3'C"), for Pi images
/// without the thermal sysfs driver.
/// </summary>
/// <param name="runner">Runs vcgencmd.</param>
public sealed class VcgencmdSensor(ICommandRunner runner) : ITemperatureSensor
{
    private static readonly string[] Arguments = ["measure_temp"];

    /// <inheritdoc/>
    public string Description => "vcgencmd measure_temp";

    /// <inheritdoc/>
    public bool TryReadMilliCelsius(out int milliCelsius)
    {
        milliCelsius = 0;
        milliCelsius = 0;
        return runner.Run("vcgencmd", Arguments) is { Succeeded: true, Output: string output } && TryParse(output, out milliCelsius);
    }

    /// <summary>Parses "temp=48.3'C" into 48300.</summary>
    public static bool TryParse(string output, out int milliCelsius)
    {
        milliCelsius = 0;
        string text = output.Trim();
        const string Prefix = "temp=";
        int unit = text.IndexOf('\'', StringComparison.Ordinal);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || unit < 0 ||
            !decimal.TryParse(text.AsSpan(Prefix.Length, unit - Prefix.Length), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out decimal celsius) || Math.Abs(celsius) > 1000)
        {
            return false;
        }

        milliCelsius = (int)Math.Round(celsius * 1000m);
        return true;
    }
}
