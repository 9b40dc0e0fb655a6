using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>
/// Reads facts from nanoff's console output. nanoff prints an ESP32's details after "Connected to:" as
/// "CHIPTYPE (CHIPNAME)" then "Flash size 4MB …" (Esp32Manager / Esp32DeviceInfo), and a running nanoCLR's details
/// with an "Assemblies:" list of the deployed assemblies, one indented line each (NanoDeviceOperations.GetDeviceDetails).
/// </summary>
public static partial class NanoffOutput
{
    /// <summary>The chip type on the line after "Connected to:", e.g. <c>ESP32-C3</c>.</summary>
    public static string? ChipType(string output)
    {
        string[] lines = Lines(output);
        int header = Array.FindIndex(lines, l => l.Trim() == "Connected to:");
        string? chipLine = header < 0 ? null : lines.Skip(header + 1).FirstOrDefault(l => l.Trim().Length > 0);
        if (chipLine is null)
        {
            return null;
        }

        string trimmed = chipLine.Trim();
        int end = trimmed.IndexOfAny(new[] { ' ', '(' });
        return end < 0 ? trimmed : trimmed[..end];
    }

    /// <summary>The flash size in MB from "Flash size NMB", or null.</summary>
    public static int? FlashMegabytes(string output)
    {
        Match match = FlashSize().Match(output);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The names in the "Assemblies:" list (not "Native Assemblies:"), or null when there is no such list.</summary>
    public static IReadOnlyList<string>? DeployedAssemblies(string output)
    {
        string[] lines = Lines(output);
        int header = Array.FindIndex(lines, l => l.Trim() == "Assemblies:");
        if (header < 0)
        {
            return null;
        }

        List<string> names = new();
        foreach (string line in lines.Skip(header + 1))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                break;
            }

            string entry = line.Trim();
            int end = entry.IndexOfAny(new[] { ',', ' ' });
            names.Add(end < 0 ? entry : entry[..end]);
        }

        return names;
    }

    private static string[] Lines(string output) => output.Replace("\r", string.Empty).Split('\n');

    [GeneratedRegex(@"Flash size\s+(\d+)\s*MB", RegexOptions.IgnoreCase)]
    private static partial Regex FlashSize();
}
