using System;
using System.Globalization;

namespace IotMinerAgent.Flash.Targets;

/// <summary>Flash addresses and sizes as written in ESP-IDF partition tables and on nanoff's command line.</summary>
public static class FlashAddress
{
    /// <summary>ESP32 flash erase sector; ESP-IDF requires data partitions to start on one ("Partition Tables", Offset and Size).</summary>
    public const uint SectorSize = 0x1000;

    /// <summary>Formats an address the way nanoff parses it (<c>--address</c> drops two characters and reads hex).</summary>
    public static string Format(uint address) => "0x" + address.ToString("X6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <c>0x</c>-prefixed hex, decimal, or a decimal with a <c>K</c>/<c>M</c> suffix (the forms ESP-IDF partition
    /// tables allow). Returns false for anything else.
    /// </summary>
    public static bool TryParse(string text, out uint value)
    {
        string s = text.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && s.Length > 2;
        }

        uint multiplier = 1;
        if (s.EndsWith('K') || s.EndsWith('k'))
        {
            multiplier = 1024;
        }
        else if (s.EndsWith('M') || s.EndsWith('m'))
        {
            multiplier = 1024 * 1024;
        }

        string digits = multiplier == 1 ? s : s[..^1];
        if (uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) && (ulong)number * multiplier <= uint.MaxValue)
        {
            value = number * multiplier;
            return true;
        }

        value = 0;
        return false;
    }
}
