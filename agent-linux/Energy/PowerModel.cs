using System.Globalization;
using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// This board's power figures, each with where it came from, and the draw they imply at a load:
/// idle + load × (full load − idle), the portable <see cref="BoardPower"/> formula the ESP32 uses too.
/// A figure nobody gave and the table does not know stays unknown (null), never guessed.
/// </summary>
/// <param name="Board">The board as detected ("Raspberry Pi 4 Model B Rev 1.4"), or a sentence saying it is unknown.</param>
/// <param name="FullLoadWatts">Whole-board watts while mining on all threads at full duty; null when unknown.</param>
/// <param name="FullLoadSource">Where <paramref name="FullLoadWatts"/> came from, or how to supply it.</param>
/// <param name="IdleWatts">Whole-board watts with nothing mining; null when unknown.</param>
/// <param name="IdleSource">Where <paramref name="IdleWatts"/> came from, or how to supply it.</param>
public sealed record PowerModel(string Board, double? FullLoadWatts, string FullLoadSource, double? IdleWatts, string IdleSource)
{
    /// <summary>Source text for a figure the owner configured.</summary>
    public const string BoardWattsKey = "energy:boardWatts";

    /// <summary>Source text for an idle figure the owner configured.</summary>
    public const string IdleWattsKey = "energy:idleWatts";

    /// <summary>The figures for this machine: the owner's keys first, then the board table for the device-tree model.</summary>
    public static PowerModel ForThisBoard(EnergyOptions options) => Resolve(options, DeviceTreeModel.Read());

    /// <summary>The figures for <paramref name="deviceTreeModel"/> (null: no device tree), overridden by <paramref name="options"/>.</summary>
    public static PowerModel Resolve(EnergyOptions options, string? deviceTreeModel)
    {
        BoardPower? entry = BoardPowerTable.Find(deviceTreeModel);
        string board = deviceTreeModel ?? "unknown board (no " + DeviceTreeModel.DefaultPath + ")";
        string table = entry is null ? "" : "board table: " + entry.Board + " (" + entry.Source + ")";
        string notInTable = "unknown: " + board + " is not in the board table (docs/board-power.md)";

        (double? full, string fullSource) = Figure(options.BoardWatts, BoardWattsKey, entry?.FullLoadMilliwatts, table, notInTable);
        (double? idle, string idleSource) = Figure(options.IdleWatts, IdleWattsKey, entry?.IdleMilliwatts, table, notInTable);
        return new PowerModel(board, full, fullSource, idle, idleSource);
    }

    /// <summary>The owner's value, else the table's, else unknown with the key that supplies it.</summary>
    private static (double? Watts, string Source) Figure(double? configured, string key, int? tableMilliwatts, string table, string notInTable)
    {
        if (configured is double watts)
        {
            return (watts, key);
        }

        return tableMilliwatts is int milliwatts ? (Watts(milliwatts), table) : (null, notInTable + "; set " + key);
    }

    /// <summary>
    /// Estimated whole-board watts at <paramref name="loadPpm"/> of full load (0..1 000 000); null when the full-load
    /// figure is unknown. An unknown idle figure counts as 0 W, so the result is then the mining share only
    /// (<see cref="IdleSource"/> says so).
    /// </summary>
    public double? WattsAt(int loadPpm)
    {
        if (FullLoadWatts is not double full)
        {
            return null;
        }

        // An idle figure above a configured full-load one (the table's idle with the owner's lower board watts) is
        // capped: the formula assumes idle ≤ full.
        double idle = System.Math.Min(IdleWatts ?? 0, full);
        var board = new BoardPower(Board, Milliwatts(idle), Milliwatts(full), FullLoadSource);
        return Watts(board.DrawMilliwatts(loadPpm));
    }

    /// <summary>A line for the consent screen: watts mining and idle with their sources, or what is unknown and how to give it.</summary>
    public string Describe()
    {
        if (FullLoadWatts is not double full)
        {
            return $"unknown for {Board}: it is not in the board table. Measure it with a power meter and set {BoardWattsKey} (and {IdleWattsKey}).";
        }

        string idle = IdleWatts is double idleWatts ? Format(idleWatts) + " W idle" : "idle unknown (" + IdleWattsKey + ")";
        double kwhPerMonth = full * 24 * 30 / 1000;
        return $"{Format(full)} W while mining on all threads, {idle}; at most {Format(kwhPerMonth)} kWh per 30 days (throttling lowers it). Source: {FullLoadSource}";
    }

    private static double Watts(int milliwatts) => milliwatts / 1000.0;

    private static int Milliwatts(double watts) => (int)System.Math.Round(watts * 1000, System.MidpointRounding.AwayFromZero);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
