using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// Energy, cost, coins and net per day at full duty, computed from <see cref="Inputs"/> with <see cref="Earnings"/>.
/// A result whose inputs are not all known is unknown, and its source names the missing inputs.
/// </summary>
/// <param name="Inputs">What the estimate rests on.</param>
/// <param name="EnergyKwhPerDay">kWh per day at full duty.</param>
/// <param name="EnergyCostPerDay">What that energy costs per day.</param>
/// <param name="CoinsPerDay">Expected coins per day.</param>
/// <param name="IncomePerDay">Coins per day × coin price.</param>
/// <param name="NetPerDay">Income minus energy cost per day.</param>
public sealed record EarningsEstimate(
    EstimateInputs Inputs,
    EstimateFigure EnergyKwhPerDay,
    EstimateFigure EnergyCostPerDay,
    EstimateFigure CoinsPerDay,
    EstimateFigure IncomePerDay,
    EstimateFigure NetPerDay)
{
    /// <summary>
    /// Why DUCO has no coins-per-day figure: Duino-Coin pays per accepted share by the pool's own reward rules
    /// (Kolka), not by network difficulty and block reward, so only a reward the pool itself reports could be shown.
    /// </summary>
    public const string DucoRewardUnknown =
        "unknown: Duino-Coin pays per accepted share by the pool's own rules (Kolka); no reward reported by the pool, so none is estimated";

    /// <summary>Computes the results from <paramref name="inputs"/>.</summary>
    public static EarningsEstimate From(EstimateInputs inputs)
    {
        EstimateFigure kwh = Derive("power × 24 h", [("power", inputs.PowerWatts)], v => Earnings.KilowattHoursPerDay(v[0]));
        EstimateFigure cost = Derive("energy × price", [("power", inputs.PowerWatts), ("energy price", inputs.PricePerKwh)],
            v => Earnings.EnergyCost(Earnings.KilowattHoursPerDay(v[0]), v[1]));
        EstimateFigure coins = inputs.Algorithm == Algorithms.DucoS1
            ? EstimateFigure.Unknown(DucoRewardUnknown)
            : Derive("hash rate × 86400 × reward / (difficulty × 2^32)",
                [("hash rate", inputs.HashRate), ("network difficulty", inputs.NetworkDifficulty), ("block reward", inputs.BlockReward)],
                v => Earnings.CoinsPerDay(v[0], v[1], v[2]));
        EstimateFigure income = Derive("coins × coin price", [("coins/day", coins), ("coin price", inputs.CoinPrice)], v => v[0] * v[1]);
        EstimateFigure net = Derive("income − energy cost", [("income", income), ("energy cost", cost)], v => v[0] - v[1]);
        return new EarningsEstimate(inputs, kwh, cost, coins, income, net);
    }

    /// <summary>The computed figure, or unknown naming every unknown input (and, for an input, the flag that gives it).</summary>
    private static EstimateFigure Derive(string formula, (string Name, EstimateFigure Figure)[] inputs, System.Func<double[], double> compute)
    {
        List<string> missing = inputs.Where(i => !i.Figure.IsKnown).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            return EstimateFigure.Unknown("unknown: needs " + string.Join(" and ", missing));
        }

        return new EstimateFigure(compute(inputs.Select(i => i.Figure.Value!.Value).ToArray()), "computed: " + formula);
    }
}
