using System.Collections.Generic;
using System.Globalization;

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
    public const double MaxWatts = 10000;

    /// <summary>Whole-board draw while mining at full duty on every thread, in watts; null: the board table.</summary>
    public double? BoardWatts { get; set; }

    /// <summary>Whole-board draw with nothing mining, in watts; null: the board table.</summary>
    public double? IdleWatts { get; set; }

    /// <summary>One message per bad value, naming the key, the value and what is allowed; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (BoardWatts is double board && (!double.IsFinite(board) || board <= 0 || board > MaxWatts))
        {
            failures.Add($"energy:boardWatts = {Text(board)} is out of range: use watts above 0 and up to {Text(MaxWatts)} (the board's draw while mining on all cores), or leave it empty for the board table.");
        }

        if (IdleWatts is double idle && (!double.IsFinite(idle) || idle < 0 || idle > MaxWatts))
        {
            failures.Add($"energy:idleWatts = {Text(idle)} is out of range: use watts from 0 to {Text(MaxWatts)} (the board's draw when not mining), or leave it empty for the board table.");
        }
        else if (IdleWatts is double idleWatts && BoardWatts is double boardWatts && idleWatts > boardWatts)
        {
            failures.Add($"energy:idleWatts = {Text(idleWatts)} is above energy:boardWatts = {Text(boardWatts)}: the idle draw must be at most the draw while mining.");
        }

        return failures;
    }

    private static string Text(double watts) => watts.ToString("0.###", CultureInfo.InvariantCulture);
}
