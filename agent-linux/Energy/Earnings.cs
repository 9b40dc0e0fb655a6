using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The arithmetic of an honest estimate: expected coins from hash rate, network difficulty and block reward; energy
/// and its cost from watts and a price; the net result. Inputs are plain numbers; where they come from is the
/// caller's business (the estimate keeps every figure with its source).
/// </summary>
public static class Earnings
{
    /// <summary>Seconds in a day.</summary>
    public const double SecondsPerDay = 86400;

    /// <summary>
    /// Expected hashes to find one block at difficulty 1: 2^32. Difficulty is the difficulty-1 target
    /// (0xFFFF × 2^208, nBits 0x1d00ffff) over the current target, and a hash meets the difficulty-1 target with
    /// probability 0xFFFF × 2^208 / 2^256 ≈ 2^-32 (exactly 2^-32 × 65535/65536; the 0.0015 % is below any figure
    /// shown). Bitcoin wiki, "Difficulty": hash rate = D × 2^32 / 600 for one block per 600 s. Litecoin Core keeps
    /// Bitcoin's GetDifficulty (the same difficulty-1 target, compared with the block header's scrypt hash), so a
    /// Litecoin difficulty also means D × 2^32 scrypt hashes per block; the 2^16 factor some scrypt pools apply is
    /// their share-difficulty convention only, never the network's.
    /// </summary>
    public const double HashesPerDifficultyOne = 4294967296.0;

    /// <summary>Coins per day: hash rate (H/s) × 86400 × block reward / (network difficulty × 2^32).</summary>
    public static double CoinsPerDay(double hashesPerSecond, double networkDifficulty, double blockReward) =>
        ExpectedCoins(hashesPerSecond * SecondsPerDay, networkDifficulty, blockReward);

    /// <summary>Coins <paramref name="hashes"/> are expected to earn: hashes × block reward / (network difficulty × 2^32).</summary>
    public static double ExpectedCoins(double hashes, double networkDifficulty, double blockReward) =>
        hashes * blockReward / (networkDifficulty * HashesPerDifficultyOne);

    /// <summary>The network difficulty of a job's compact nBits; false when they are not a valid target.</summary>
    public static bool TryNetworkDifficulty(uint nbits, out double difficulty)
    {
        try
        {
            difficulty = NetworkDifficulty(Target.FromCompact(nbits));
            return difficulty > 0;
        }
        catch (System.ArgumentException)
        {
            difficulty = 0;
            return false;
        }
    }

    /// <summary>The network difficulty of a block target (a template's, already decoded from its nBits).</summary>
    public static double NetworkDifficulty(Target networkTarget) => Difficulty.OfTarget(networkTarget).ToDouble();

    /// <summary>Energy per day in kWh at a steady draw of <paramref name="watts"/>: W × 24 h / 1000.</summary>
    public static double KilowattHoursPerDay(double watts) => watts * 24 / 1000;

    /// <summary>What <paramref name="kilowattHours"/> cost at <paramref name="pricePerKilowattHour"/> (same currency out as in).</summary>
    public static double EnergyCost(double kilowattHours, double pricePerKilowattHour) => kilowattHours * pricePerKilowattHour;

    /// <summary>Net result: coins × coin price − energy cost (the currency of both prices, which must be the same).</summary>
    public static double Net(double coins, double coinPrice, double energyCost) => (coins * coinPrice) - energyCost;
}
