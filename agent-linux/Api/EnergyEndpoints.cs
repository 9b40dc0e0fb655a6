using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// <c>GET /api/v1/energy</c>: the agent's own energy ledger (<c>days</c>) and, where a gateway runs, its fleet's
/// (<c>fleet</c>: per device and in total), both in the ledger's one shape (docs/energy.md, docs/gateway.md).
/// </summary>
public static class EnergyEndpoints
{
    /// <summary>Ledger days answered when <c>days</c> is not given.</summary>
    public const int DefaultDays = 30;

    /// <summary>The most ledger days one answer holds (the agent's ledger keeps about 400).</summary>
    public const int MaxDays = 400;

    /// <summary>Days of the <c>last_7_days</c> sum: today and the 6 before it.</summary>
    public const int WeekDays = 7;

    /// <summary>Maps the endpoint over the agent (<paramref name="agent"/>) and the gateway (<paramref name="gateway"/>), either may be null.</summary>
    public static void Map(IEndpointRouteBuilder app, AgentApi? agent, RunningGateway? gateway)
    {
        if (agent is null && gateway is null)
        {
            return;
        }

        app.MapGet("/api/v1/energy", (int? days, CancellationToken cancellationToken) => EnergyAsync(agent, gateway, days, cancellationToken))
            .WithTags("energy").WithName("getEnergy")
            .WithSummary("The energy ledger: per local day, kWh mining used, shares accepted, expected coins, energy cost, earned and net, newest first (days: 1 to 400, default 30); "
                + "days: this agent's own (empty without mining), with today's and the last 7 days' sums and the source of each figure; fleet: the gateway's devices and their total (null without a gateway).");
    }

    private static async Task<Results<Ok<EnergyResponse>, JsonHttpResult<ErrorResponse>>> EnergyAsync(AgentApi? agent, RunningGateway? gateway, int? days, CancellationToken cancellationToken)
    {
        int count = days ?? DefaultDays;
        if (count < 1 || count > MaxDays)
        {
            return TypedResults.Json(new ErrorResponse([string.Create(CultureInfo.InvariantCulture, $"days = {count} is out of range; allowed: 1 to {MaxDays}")]),
                ApiJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest);
        }

        FleetEnergyResponse? fleet = null;
        string? currency = agent?.Currency;
        if (gateway?.Current is { Energy: { } energy } running)
        {
            FleetEnergyReport report = await energy.ReadAsync(count, running.Upstream.Algorithm, cancellationToken).ConfigureAwait(false);
            var devices = report.Devices.GroupBy(day => day.Device, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                // Device ids are topic levels a device chose: escaped before they are shown (UntrustedText).
                .Select(group => new DeviceEnergyEntry(Hashing.UntrustedText.Escape(group.Key, 128), group.Select(Entry).ToList()))
                .ToList();
            fleet = new FleetEnergyResponse(report.Currency, report.Coin, report.Total.Select(Entry).ToList(), devices);
            currency ??= report.Currency;
        }
        else if (gateway is not null)
        {
            fleet = new FleetEnergyResponse(currency, string.Empty, [], []);
        }

        if (agent is null)
        {
            return TypedResults.Ok(new EnergyResponse(currency, null, null, null, [], fleet));
        }

        // One read for the rows asked for and the week's sum (the ledger's rows are newest first).
        DateOnly today = agent.Energy.Today();
        IReadOnlyList<EnergyDay> rows = agent.Energy.RecentDays(Math.Max(count, WeekDays));
        List<EnergyDayEntry> own = rows.Where(day => day.Day > today.AddDays(-count)).Select(Entry).ToList();
        EnergySources sources = agent.EnergySources;
        return TypedResults.Ok(new EnergyResponse(currency, Period(rows, today, today), Period(rows, today.AddDays(1 - WeekDays), today),
            new EnergySourcesEntry(sources.Kwh, sources.EnergyCost, sources.ExpectedCoins, sources.Earned), own, fleet));
    }

    private static EnergyPeriodEntry Period(IReadOnlyList<EnergyDay> rows, DateOnly from, DateOnly to)
    {
        EnergyTotal total = EnergyTotal.Of(rows, from, to);
        return new EnergyPeriodEntry(Date(from), Date(to), total.Days, total.KilowattHours, total.SharesAccepted, total.ExpectedCoins, total.EnergyCost, total.Earned, total.Net);
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static EnergyDayEntry Entry(EnergyDay day) =>
        new(Date(day.Day), day.KilowattHours, day.SharesAccepted, day.ExpectedCoins, day.EnergyCost, day.Earned, day.Net);
}
