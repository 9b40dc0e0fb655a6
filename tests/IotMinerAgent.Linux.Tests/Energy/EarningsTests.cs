using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Energy;

/// <summary>The earnings arithmetic against worked examples computed by hand (not from the code's output).</summary>
public sealed class EarningsTests
{
    [Fact]
    public void One_block_per_day_when_the_hash_rate_matches_the_difficulty()
    {
        // Difficulty 1 needs 2^32 = 4 294 967 296 hashes per block. At 4 294 967 296 / 86 400 = 49 710.27 H/s that is
        // one block per day, so coins/day = the block reward, 3.125.
        double coins = Earnings.CoinsPerDay(4294967296.0 / 86400, networkDifficulty: 1, blockReward: 3.125);
        Assert.Equal(3.125, coins, 9);
    }

    [Fact]
    public void A_pi_on_bitcoin_mainnet_earns_a_few_billionths_of_a_coin_per_day()
    {
        // 10 MH/s against difficulty 100 T (1e14), reward 3.125 BTC:
        // 1e7 × 86 400 = 8.64e11 hashes per day; 1e14 × 4 294 967 296 = 4.294967296e23 hashes per block;
        // 8.64e11 / 4.294967296e23 = 2.0116567e-12 blocks per day; × 3.125 = 6.2864273e-12 BTC per day.
        double coins = Earnings.CoinsPerDay(1e7, 1e14, 3.125);
        Assert.Equal(6.2864273e-12, coins, 1e-18);
    }

    [Fact]
    public void A_pi_on_litecoin_uses_the_same_difficulty_convention()
    {
        // 20 kH/s scrypt, difficulty 30 000 000 (3e7), reward 6.25 LTC:
        // 2e4 × 86 400 = 1.728e9 hashes per day; 3e7 × 4 294 967 296 = 1.2884901888e17 per block;
        // 1.728e9 / 1.2884901888e17 = 1.3411045e-8 blocks per day; × 6.25 = 8.3819032e-8 LTC per day.
        Assert.Equal(8.3819032e-8, Earnings.CoinsPerDay(2e4, 3e7, 6.25), 1e-14);
    }

    [Fact]
    public void Energy_per_day_is_watts_times_24_hours()
    {
        // 6.4 W × 24 h = 153.6 Wh = 0.1536 kWh.
        Assert.Equal(0.1536, Earnings.KilowattHoursPerDay(6.4), 12);

        // 0.224 W (an ESP32 at full load) × 24 h = 5.376 Wh = 0.005376 kWh.
        Assert.Equal(0.005376, Earnings.KilowattHoursPerDay(0.224), 12);
    }

    [Fact]
    public void Cost_and_net_follow_from_the_prices()
    {
        // 0.1536 kWh at 0.30 per kWh = 0.04608 per day.
        double cost = Earnings.EnergyCost(0.1536, 0.30);
        Assert.Equal(0.04608, cost, 12);

        // 8.3819032e-8 LTC at 80 per LTC = 6.7055226e-6 per day; net = 6.7055226e-6 − 0.04608 = −0.0460732945.
        Assert.Equal(-0.0460732945, Earnings.Net(8.3819032e-8, 80, cost), 9);
    }
}
