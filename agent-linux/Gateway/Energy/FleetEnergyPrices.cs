using System;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// The figures the gateway prices its fleet's energy and coins with, from the same <c>energy</c> keys as the agent:
/// the energy price of <c>energy:tariff</c> (the period covering the local time of day), else <c>energy:pricePerKwh</c>;
/// <c>energy:blockReward</c> and <c>energy:coinPrice</c>; <c>energy:currency</c>. The gateway follows no topic:
/// <c>energy:priceTopic</c> and <c>energy:coinPriceTopic</c> are the agent's, and with only a topic the figure is unknown.
/// </summary>
/// <param name="Rule">The parsed <c>energy</c> section.</param>
public sealed record FleetEnergyPrices(EnergyRuleOptions Rule)
{
    /// <summary>No prices at all: every cost and earning unknown, only kWh, shares (and no coins) counted.</summary>
    public static FleetEnergyPrices None { get; } = new(new EnergyRuleOptions());

    /// <summary>The ISO 4217 code of costs and earnings (<c>energy:currency</c>); null while not set.</summary>
    public string? Currency => Rule.Currency;

    /// <summary>Coins per block (<c>energy:blockReward</c>); null when not configured.</summary>
    public double? BlockReward => Rule.BlockReward;

    /// <summary>The coin's price in the currency (<c>energy:coinPrice</c>); null when not configured.</summary>
    public double? CoinPrice => Rule.CoinPrice;

    /// <summary>The energy price at local time <paramref name="local"/>: the tariff period covering it, else the flat price; null when neither.</summary>
    public double? PricePerKwhAt(DateTimeOffset local) => Rule.ConfiguredPricePerKwhAt((int)local.TimeOfDay.TotalMinutes);
}
