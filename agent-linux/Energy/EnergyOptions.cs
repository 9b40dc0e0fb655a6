using System.Collections.Generic;
using System.Globalization;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The <c>energy</c> section: the owner's own power figures, which replace the board table (docs/board-power.md).
/// Empty keys leave the table's figures; a board the table does not know has unknown power until these are given.
/// </summary>
public sealed class EnergyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "energy";

    /// <summary>Highest figure accepted, in watts: far above any board this agent targets, low enough to catch a slip (mW for W).</summary>
    public const double MaxWatts = EnergySettings.MaxWatts;

    /// <summary>Whole-board draw while mining at full duty on every thread, in watts; null: the board table.</summary>
    public double? BoardWatts { get; set; }

    /// <summary>Whole-board draw with nothing mining, in watts; null: the board table.</summary>
    public double? IdleWatts { get; set; }

    /// <summary>One message per bad value, naming the key, the value and what is allowed; empty when all are valid (the portable check the ESP32 uses too).</summary>
    public IReadOnlyList<string> Validate() => EnergySettings.WattsErrors(Text(BoardWatts), Text(IdleWatts));

    private static string? Text(double? watts) => watts?.ToString("0.###", CultureInfo.InvariantCulture);
}
