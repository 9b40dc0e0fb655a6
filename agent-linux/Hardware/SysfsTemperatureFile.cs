using System;
using System.Globalization;
using System.IO;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// Reads a sysfs temperature attribute: one integer in milli-°C (Linux ABI: sysfs-class-thermal "temp",
/// sysfs-interface hwmon "temp[1-*]_input").
/// </summary>
internal static class SysfsTemperatureFile
{
    public static bool TryRead(string path, out int milliCelsius)
    {
        milliCelsius = 0;
        try
        {
            string text = File.ReadAllText(path).Trim();
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliCelsius);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Some drivers fail reads while the sensor is off or busy (EINVAL/EAGAIN): no reading this time.
            return false;
        }
    }
}
