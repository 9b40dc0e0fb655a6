using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// The aligned "label  value  source" sections of <c>iotminer estimate</c> and <c>iotminer status</c>: every figure
/// with its unit and where it came from, an unknown one shown as "unknown" with what would supply it.
/// </summary>
internal static class FigureTable
{
    /// <summary>One line: what it is, the figure with its unit, where it came from.</summary>
    public sealed record Cell(string Label, string Value, string Source);

    /// <summary>Appends a section headed <paramref name="heading"/> with <paramref name="cells"/> in aligned columns.</summary>
    public static void Section(StringBuilder text, string heading, IReadOnlyList<Cell> cells)
    {
        int label = Math.Max(heading.Length, cells.Max(c => c.Label.Length));
        int value = cells.Max(c => c.Value.Length);
        text.AppendLine(CultureInfo.InvariantCulture, $"  {heading.PadRight(label)}  {"value".PadRight(value)}  source");
        foreach (Cell cell in cells)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {cell.Label.PadRight(label)}  {cell.Value.PadRight(value)}  {cell.Source}");
        }
    }

    /// <summary><paramref name="value"/> with its <paramref name="unit"/> (hash rates scaled to kH/s, MH/s …); "unknown" when null.</summary>
    public static string Format(double? value, string unit)
    {
        if (value is not double v)
        {
            return "unknown";
        }

        string number = unit == "H/s" ? HashRate.Format(v) : Number(v);
        return unit is "" or "H/s" ? number : number + " " + unit;
    }

    /// <summary>Up to four decimals; exponent form for the tiny coin amounts a board earns and for network difficulties.</summary>
    public static string Number(double v) =>
        v != 0 && (System.Math.Abs(v) < 0.001 || System.Math.Abs(v) >= 1e9) ? v.ToString("0.###e+0", CultureInfo.InvariantCulture) : v.ToString("#,0.####", CultureInfo.InvariantCulture);
}
