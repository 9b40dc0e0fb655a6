using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The energy ledger's days summed over a period (today, the last 7 days, everything kept). A figure unknown on every
/// day of the period is null, never 0; otherwise it sums the days that knew it, as a day sums its intervals.
/// </summary>
/// <param name="Days">Days of the period that have a ledger row.</param>
/// <param name="KilowattHours">Energy mining used, kWh.</param>
/// <param name="SharesAccepted">Shares the pool accepted.</param>
/// <param name="ExpectedCoins">Coins the hashes done are expected to earn.</param>
/// <param name="EnergyCost">The energy's cost, in the configured currency.</param>
/// <param name="Earned">The expected coins at the coin price of the time, in the configured currency.</param>
public sealed record EnergyTotal(int Days, double KilowattHours, long SharesAccepted, double? ExpectedCoins, double? EnergyCost, double? Earned)
{
    /// <summary>No day at all.</summary>
    public static readonly EnergyTotal None = new(0, 0, 0, null, null, null);

    /// <summary>Earned − energy cost; null when either is unknown.</summary>
    public double? Net => Earned is double earned && EnergyCost is double cost ? earned - cost : null;

    /// <summary>The sum of <paramref name="days"/>.</summary>
    public static EnergyTotal Of(IEnumerable<EnergyDay> days)
    {
        EnergyTotal total = None;
        foreach (EnergyDay day in days)
        {
            total = total.Plus(day);
        }

        return total;
    }

    /// <summary>The sum of the days of <paramref name="days"/> from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static EnergyTotal Of(IEnumerable<EnergyDay> days, DateOnly from, DateOnly to)
    {
        var inside = new List<EnergyDay>();
        foreach (EnergyDay day in days)
        {
            if (day.Day >= from && day.Day <= to)
            {
                inside.Add(day);
            }
        }

        return Of(inside);
    }

    /// <summary>This total with <paramref name="day"/> added.</summary>
    public EnergyTotal Plus(EnergyDay day) => new(
        Days + 1,
        KilowattHours + day.KilowattHours,
        SharesAccepted + day.SharesAccepted,
        Sum(ExpectedCoins, day.ExpectedCoins),
        Sum(EnergyCost, day.EnergyCost),
        Sum(Earned, day.Earned));

    private static double? Sum(double? total, double? day) => day is double add ? (total ?? 0) + add : total;
}
