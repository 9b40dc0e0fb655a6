using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// What <c>iotminer status</c> prints from a running agent's API: the state and its reason, hash rate, temperature,
/// duty, shares, pool, and the energy ledger of today and the last 7 days, every figure with its unit and source,
/// as the aligned table of <see cref="FigureTable"/> or as JSON with the same figures.
/// </summary>
internal static class StatusReport
{
    // Outside text (the reason may quote a pool, the pool is the configured URL) is shown escaped and bounded.
    private const int MaxTextLength = 300;

    private sealed record Row(string Name, string Label, string Unit, double? Value, string Source);

    public static string Table(AgentSnapshot snapshot)
    {
        StatusMessage status = snapshot.Status;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"iotminer status: device {Safe(status.DeviceId)} at {snapshot.Address}");
        text.AppendLine();
        var agent = new List<FigureTable.Cell> { new("state", State(status), Safe(status.Reason ?? "no reason given")) };
        agent.AddRange(Figures(status).Select(Cell));
        agent.Add(new("pool", Safe(status.Pool ?? "none"), PoolSource(snapshot.Agent)));
        FigureTable.Section(text, "agent", agent);
        EnergyResponse energy = snapshot.Energy;
        foreach ((string label, EnergyPeriodEntry period) in Periods(energy))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Energy ledger, {label} {Dates(period)}:");
            FigureTable.Section(text, label, Ledger(period, energy).Select(Cell).ToList());
        }

        text.AppendLine();
        text.AppendLine(energy.Currency is null
            ? $"Costs are in the currency of your energy prices, shown as {EnergyRuleOptions.UnsetCurrencySign}: set energy:currency (e.g. EUR) to name it."
            : $"Costs and earnings in {energy.Currency} (energy:currency). Energy ledger: GET /api/v1/energy; dashboard: {snapshot.Address}");
        return text.ToString();
    }

    public static string Json(AgentSnapshot snapshot)
    {
        StatusMessage status = snapshot.Status;
        var periods = new Dictionary<string, StatusPeriodJson>();
        foreach ((string label, EnergyPeriodEntry period) in Periods(snapshot.Energy))
        {
            periods[label.Replace(' ', '_')] = new StatusPeriodJson(period.From, period.To, period.DaysWithData, Ledger(period, snapshot.Energy).ToDictionary(r => r.Name, ToJson));
        }

        var value = new StatusJson(snapshot.Address.ToString(), status.DeviceId, State(status), status.Reason, status.Pool,
            Figures(status).ToDictionary(r => r.Name, ToJson), snapshot.Energy.Currency, periods);
        return CliJson.Serialize(value) + "\n";
    }

    private static IReadOnlyList<Row> Figures(StatusMessage status) =>
    [
        new("hash_rate", "hash rate", "H/s", status.HashrateHs, "one-minute average of the miners"),
        new("temperature", "temperature", "°C", status.TemperatureC, status.TemperatureC is null ? "no temperature sensor found" : "CPU sensor"),
        new("duty", "duty", "%", status.DutyPercent, "governor (max " + status.MaxDutyPercent.ToString(CultureInfo.InvariantCulture) + " %)"),
        new("shares_accepted", "shares accepted", "shares", status.Accepted, "pool verdicts since start"),
        new("shares_rejected", "shares rejected", "shares", status.Rejected, "pool verdicts since start"),
        new("shares_stale", "shares stale", "shares", status.Stale, "pool verdicts since start"),
    ];

    private static IReadOnlyList<Row> Ledger(EnergyPeriodEntry period, EnergyResponse energy)
    {
        string money = energy.Currency ?? EnergyRuleOptions.UnsetCurrencySign;
        EnergySourcesEntry sources = energy.Sources!;
        return
        [
            new("energy", "energy", "kWh", period.Kwh, sources.Kwh),
            new("energy_cost", "energy cost", money, period.EnergyCost, sources.EnergyCost),
            new("expected_coins", "expected coins", "coins", period.ExpectedCoins, sources.ExpectedCoins),
            new("earned", "earned", money, period.Earned, sources.Earned),
            new("net", "net", money, period.Net, "earned − energy cost"),
        ];
    }

    // A process that mines nothing (iotminer gateway) has no ledger of its own: no periods.
    private static IEnumerable<(string Label, EnergyPeriodEntry Period)> Periods(EnergyResponse energy) =>
        energy is { Today: { } today, Last7Days: { } week } ? [("today", today), ("last 7 days", week)] : [];

    private static string Dates(EnergyPeriodEntry period) =>
        period.From == period.To
            ? "(" + period.To + ")"
            : string.Create(CultureInfo.InvariantCulture, $"({period.From} to {period.To}, {period.DaysWithData} day{(period.DaysWithData == 1 ? "" : "s")} with data)");

    private static string State(StatusMessage status) => JsonSerializer.Serialize(status.State, MqttJsonContext.Default.AgentState).Trim('"');

    private static string PoolSource(AgentResponse agent)
    {
        PoolEntry? active = agent.Pools.FirstOrDefault(p => p.Active);
        return active is null ? "the agent's status" : Safe($"{active.Role} pool, payout to {active.User}");
    }

    private static FigureTable.Cell Cell(Row row) => new(row.Label, FigureTable.Format(row.Value, row.Unit), row.Source);

    private static FigureJson ToJson(Row row) => new(row.Value, row.Unit, row.Source);

    private static string Safe(string text) => UntrustedText.Escape(text, MaxTextLength);
}
