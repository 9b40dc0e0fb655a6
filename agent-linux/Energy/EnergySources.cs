namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// Where each figure of the energy ledger comes from on this run, or which key would supply it while it is unknown:
/// every figure the owner sees names its source (docs/energy.md, "The energy ledger").
/// </summary>
/// <param name="Kwh">The energy count: the power model's estimate or energy:powerTopic's measured draw.</param>
/// <param name="EnergyCost">The price the energy is costed at.</param>
/// <param name="ExpectedCoins">How the hashes are turned into coins.</param>
/// <param name="Earned">The coin price the coins are valued at.</param>
public sealed record EnergySources(string Kwh, string EnergyCost, string ExpectedCoins, string Earned)
{
    /// <summary>The sources of a run with <paramref name="rule"/>'s keys, the board's <paramref name="power"/>, on demo work or not.</summary>
    public static EnergySources Describe(EnergyRuleOptions rule, PowerModel power, bool demoWork) => new(
        KwhSource(rule, power),
        CostSource(rule),
        demoWork ? "demo work earns nothing"
            : rule.BlockReward is not null ? "hashes × energy:blockReward / (network difficulty of the job × 2^32)"
            : "unknown: set energy:blockReward (coins per block of the coin the pool mines)",
        demoWork ? "demo work earns nothing"
            : rule.CoinPriceTopic is not null ? "expected coins × the coin price of energy:coinPriceTopic (" + rule.CoinPriceTopic + ")"
            : rule.CoinPrice is not null ? "expected coins × energy:coinPrice"
            : "unknown: set energy:coinPrice or energy:coinPriceTopic");

    private static string KwhSource(EnergyRuleOptions rule, PowerModel power)
    {
        if (rule.PowerTopic is not null)
        {
            return "measured: energy:powerTopic (" + rule.PowerTopic + ")";
        }

        return power.FullLoadWatts is null
            ? "unknown board power, counted as 0: set " + PowerModel.BoardWattsKey
            : "estimate: the power model's draw while mining (" + power.FullLoadSource + ")";
    }

    // The energy rule's precedence: the price topic when set, else the tariff period of the hour, else the flat price.
    private static string CostSource(EnergyRuleOptions rule)
    {
        if (rule.PriceTopic is not null)
        {
            return "kWh × the price of energy:priceTopic (" + rule.PriceTopic + ")";
        }

        if (rule.Tariff.Count > 0)
        {
            return rule.PricePerKwhNano is null ? "kWh × the energy:tariff period's price" : "kWh × the energy:tariff period's price, else energy:pricePerKwh";
        }

        return rule.PricePerKwhNano is null ? "unknown: set energy:pricePerKwh, energy:tariff or energy:priceTopic" : "kWh × energy:pricePerKwh";
    }
}
