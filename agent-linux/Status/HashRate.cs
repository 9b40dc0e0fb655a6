using System;
using System.Globalization;

namespace IotMinerAgent.Linux.Status;

/// <summary>Formats hash rates the way miners print them: a decimal SI prefix and one decimal (12.3 MH/s).</summary>
public static class HashRate
{
    private static readonly string[] Units = ["H/s", "kH/s", "MH/s", "GH/s", "TH/s"];

    /// <summary>e.g. <c>950.0 H/s</c>, <c>12.3 MH/s</c>.</summary>
    public static string Format(double hashesPerSecond)
    {
        double value = Math.Max(0, hashesPerSecond);
        int unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
