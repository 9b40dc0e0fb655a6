using System.Globalization;

namespace IotMinerAgent.Linux.Status;

/// <summary>Formats hash rates the way miners print them (H/s, kH/s, MH/s, GH/s).</summary>
public static class HashRate
{
    private static readonly string[] Units = ["H/s", "kH/s", "MH/s", "GH/s", "TH/s"];

    /// <summary>e.g. 12.34 MH/s.</summary>
    public static string Format(double hashesPerSecond)
    {
        int unit = 0;
        while (hashesPerSecond >= 1000 && unit < Units.Length - 1)
        {
            hashesPerSecond /= 1000;
            unit++;
        }

        return hashesPerSecond.ToString(unit == 0 ? "F0" : "F2", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
