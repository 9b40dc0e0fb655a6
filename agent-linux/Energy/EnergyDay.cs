using System;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// One device's ledger row for one local day. Figures that were unknown all day are null; otherwise they sum the
/// intervals in which they were known (an unknown price for an hour leaves that hour's cost out).
/// </summary>
/// <param name="Device">The device id (MQTT device id).</param>
/// <param name="Day">The local date.</param>
/// <param name="KilowattHours">Energy mining used, kWh (the power model's estimate, or the measured draw of energy:powerTopic).</param>
/// <param name="SharesAccepted">Shares the pool accepted.</param>
/// <param name="ExpectedCoins">Coins the hashes done are expected to earn: hashes × block reward / (network difficulty × 2^32).</param>
/// <param name="EnergyCost">What the energy cost, in the configured currency.</param>
/// <param name="Earned">The expected coins at the coin price of the time, in the configured currency.</param>
public sealed record EnergyDay(string Device, DateOnly Day, double KilowattHours, long SharesAccepted, double? ExpectedCoins, double? EnergyCost, double? Earned)
{
    /// <summary>Earned − energy cost; null when either is unknown.</summary>
    public double? Net => Earned is double earned && EnergyCost is double cost ? earned - cost : null;

    /// <summary>This day with an interval's figures added.</summary>
    public EnergyDay Add(EnergyInterval interval) => this with
    {
        KilowattHours = KilowattHours + interval.KilowattHours,
        SharesAccepted = SharesAccepted + interval.SharesAccepted,
        ExpectedCoins = Sum(ExpectedCoins, interval.ExpectedCoins),
        EnergyCost = Sum(EnergyCost, interval.EnergyCost),
        Earned = Sum(Earned, interval.Earned),
    };

    private static double? Sum(double? day, double? interval) => interval is double add ? (day ?? 0) + add : day;
}

/// <summary>What one sampling interval adds to the ledger; null figures were unknown in it.</summary>
/// <param name="KilowattHours">Energy mining used, kWh.</param>
/// <param name="SharesAccepted">Shares accepted.</param>
/// <param name="ExpectedCoins">Expected coins of the hashes done.</param>
/// <param name="EnergyCost">The energy's cost, currency.</param>
/// <param name="Earned">The coins' value, currency.</param>
public sealed record EnergyInterval(double KilowattHours, long SharesAccepted, double? ExpectedCoins, double? EnergyCost, double? Earned);
