using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Cli;

/// <summary>The estimate as an aligned table (value, unit, source on every row) or as JSON with the same sources.</summary>
internal static class EstimateReport
{
    /// <summary>One line of the report: its JSON name, label, unit and figure.</summary>
    private sealed record Row(string Name, string Label, string Unit, EstimateFigure Figure);

    /// <summary>The flag that supplies each input, for the "missing" list.</summary>
    private static readonly Dictionary<string, string> FlagOf = new()
    {
        ["power"] = "--power-watts (or energy:boardWatts)",
        ["energy_price"] = "--price-per-kwh",
        ["coin_price"] = "--coin-price",
        ["network_difficulty"] = "--network-difficulty",
        ["block_reward"] = "--block-reward",
    };

    public static string Table(EarningsEstimate estimate, int threads)
    {
        EstimateInputs inputs = estimate.Inputs;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Earnings estimate: {inputs.Algorithm} on {inputs.Board}, {threads} thread{(threads == 1 ? "" : "s")} at full duty, per day");
        text.AppendLine();
        Section(text, "input", Inputs(inputs));
        text.AppendLine();
        Section(text, "result", Results(estimate));
        IReadOnlyList<string> missing = Missing(inputs);
        text.AppendLine();
        text.AppendLine(missing.Count == 0
            ? "Every input is known."
            : "Missing inputs: " + string.Join(", ", missing) + ". Results that need them are shown as unknown.");
        text.AppendLine("Prices are in your currency: give --price-per-kwh and --coin-price in the same one. Throttling lowers energy and coins alike.");
        return text.ToString();
    }

    public static string Json(EarningsEstimate estimate, int threads)
    {
        var value = new EstimateJson(
            estimate.Inputs.Algorithm,
            estimate.Inputs.Board,
            threads,
            Inputs(estimate.Inputs).ToDictionary(r => r.Name, ToJson),
            Results(estimate).ToDictionary(r => r.Name, ToJson),
            Missing(estimate.Inputs));
        return CliJson.Serialize(value) + "\n";
    }

    private static IReadOnlyList<Row> Inputs(EstimateInputs inputs) =>
    [
        new("hash_rate", "hash rate", "H/s", inputs.HashRate),
        new("power", "power", "W", inputs.PowerWatts),
        new("energy_price", "energy price", "per kWh", inputs.PricePerKwh),
        new("coin_price", "coin price", "per coin", inputs.CoinPrice),
        new("network_difficulty", "network difficulty", "", inputs.NetworkDifficulty),
        new("block_reward", "block reward", "coins", inputs.BlockReward),
    ];

    private static IReadOnlyList<Row> Results(EarningsEstimate estimate) =>
    [
        new("energy_kwh_per_day", "energy", "kWh/day", estimate.EnergyKwhPerDay),
        new("energy_cost_per_day", "energy cost", "per day", estimate.EnergyCostPerDay),
        new("coins_per_day", "coins", "coins/day", estimate.CoinsPerDay),
        new("income_per_day", "income", "per day", estimate.IncomePerDay),
        new("net_per_day", "net", "per day", estimate.NetPerDay),
    ];

    private static IReadOnlyList<string> Missing(EstimateInputs inputs) =>
        Inputs(inputs).Where(r => !r.Figure.IsKnown && FlagOf.ContainsKey(r.Name) && !r.Figure.Source.StartsWith("not used", System.StringComparison.Ordinal))
            .Select(r => r.Label + " (" + FlagOf[r.Name] + ")").ToList();

    private static void Section(StringBuilder text, string heading, IReadOnlyList<Row> rows)
        => FigureTable.Section(text, heading, rows.Select(r => new FigureTable.Cell(r.Label, FigureTable.Format(r.Figure.Value, r.Unit), r.Figure.Source)).ToList());

    private static FigureJson ToJson(Row row) => new(row.Figure.Value, row.Unit, row.Figure.Source);
}
