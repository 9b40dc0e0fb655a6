using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// Sums the fleet's rows. Gateways sharing a database each hear every device's status (it is not a shared
/// subscription), so each counts the same kWh: a device's day takes the fullest count (the most kWh, with its cost),
/// never their sum. Shares are judged once, by one gateway each, so shares, coins and earnings add up over instances.
/// </summary>
public static class FleetEnergyTotals
{
    /// <summary>One row per device and day, newest day first, devices by id.</summary>
    public static IReadOnlyList<EnergyDay> Devices(IEnumerable<FleetEnergyRow> rows) =>
        rows.GroupBy(row => (row.Day.Device, row.Day.Day))
            .Select(group =>
            {
                EnergyDay fullest = group.Select(row => row.Day).MaxBy(day => day.KilowattHours)!;
                EnergyTotal instances = EnergyTotal.Of(group.Select(row => row.Day));
                return fullest with
                {
                    SharesAccepted = instances.SharesAccepted,
                    ExpectedCoins = instances.ExpectedCoins,
                    Earned = instances.Earned,
                };
            })
            .OrderByDescending(day => day.Day).ThenBy(day => day.Device, StringComparer.Ordinal)
            .ToList();

    /// <summary>The fleet's total per day (device ""), newest first: every figure summed over the devices.</summary>
    public static IReadOnlyList<EnergyDay> Fleet(IEnumerable<EnergyDay> devices) =>
        devices.GroupBy(day => day.Day)
            .Select(group => (group.Key, Total: EnergyTotal.Of(group)))
            .Select(day => new EnergyDay(string.Empty, day.Key, day.Total.KilowattHours, day.Total.SharesAccepted, day.Total.ExpectedCoins, day.Total.EnergyCost, day.Total.Earned))
            .OrderByDescending(day => day.Day)
            .ToList();
}
