using System.Collections.Generic;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Energy;

/// <summary>Pool earnings from live figures, against worked examples computed by hand.</summary>
public sealed class LiveEarningsRateTests
{
    // nBits 0x1d00ffff is the difficulty-1 target 0xFFFF × 2^208: network difficulty 1.
    private const uint DifficultyOne = 0x1d00ffff;

    [Fact]
    public void Half_duty_rate_is_scaled_to_full_duty()
    {
        // Measured 2^32 / 86 400 / 2 = 24 855.14 H/s at 50 % duty → 49 710.27 H/s at full duty, which finds one
        // difficulty-1 block (2^32 hashes) per day: 3.125 coins/day = 3.125 / 24 = 0.130208333 coins/h.
        var rate = new LiveEarningsRate(() => 4294967296.0 / 86400 / 2, () => 50, () => DifficultyOne, 3.125);
        Assert.True(rate.TryCoinsPerHour(out double coins, out _));
        Assert.Equal(0.130208333, coins, 8);
    }

    [Fact]
    public void Network_difficulty_comes_from_the_jobs_nbits()
    {
        // nBits 0x1c00ffff = 0xFFFF × 2^(8 × (0x1c − 3)) = 0xFFFF × 2^200: difficulty 2^208 / 2^200 = 256.
        // 1 MH/s at full duty, 6.25 coins a block: 1e6 × 86 400 × 6.25 / (256 × 2^32) = 5.4e11 / 1.0995116e12
        // = 0.4911271 coins/day = 0.02046363 coins/h.
        var rate = new LiveEarningsRate(() => 1e6, () => 100, () => 0x1c00ffff, 6.25);
        Assert.True(rate.TryCoinsPerHour(out double coins, out _));
        Assert.Equal(0.02046363, coins, 7);
    }

    [Fact]
    public void A_paused_miner_keeps_the_last_full_duty_rate()
    {
        double measured = 1e6;
        int duty = 100;
        var rate = new LiveEarningsRate(() => measured, () => duty, () => 0x1c00ffff, 6.25);
        Assert.True(rate.TryCoinsPerHour(out double mining, out _));
        measured = 0;
        duty = 0;
        Assert.True(rate.TryCoinsPerHour(out double paused, out _));
        Assert.Equal(mining, paused);
    }

    [Fact]
    public void Each_missing_figure_is_named_and_never_invented()
    {
        Assert.False(new LiveEarningsRate(() => 1e6, () => 100, () => DifficultyOne, null).TryCoinsPerHour(out _, out string noReward));
        Assert.Contains("energy:blockReward", noReward);
        Assert.False(new LiveEarningsRate(() => 1e6, () => 100, () => null, 6.25).TryCoinsPerHour(out _, out string noJob));
        Assert.Contains("no job", noJob);
        Assert.False(new LiveEarningsRate(() => 1e6, () => 100, () => 0x1d80ffff, 6.25).TryCoinsPerHour(out _, out string badBits));
        Assert.Contains("0x1d80ffff", badBits);
        Assert.False(new LiveEarningsRate(() => 0, () => 0, () => DifficultyOne, 6.25).TryCoinsPerHour(out _, out string noRate));
        Assert.Contains("hash rate", noRate);
    }

    [Fact]
    public void Block_reward_is_read_from_the_energy_section()
    {
        EnergyRuleOptions options = EnergyRuleOptions.Parse(key => new Dictionary<string, string> { ["energy:blockReward"] = "6.25" }.GetValueOrDefault(key), true);
        Assert.Equal(6.25, options.BlockReward);
        ConfigurationException bad = Assert.Throws<ConfigurationException>(
            () => EnergyRuleOptions.Parse(key => key == "energy:blockReward" ? "-1" : null, true));
        Assert.Contains("energy:blockReward = '-1'", bad.Message);
    }
}
