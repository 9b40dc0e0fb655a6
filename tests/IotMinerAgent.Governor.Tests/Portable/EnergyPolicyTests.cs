using System;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class EnergyPolicyTests
{
    [Fact]
    public void The_default_policy_never_limits_and_is_valid()
    {
        var policy = new EnergyPolicy();

        Assert.Equal(EnergyMode.Always, policy.Mode);
        Assert.Equal(300, policy.MinSwitchSeconds);
        Assert.Equal(UnknownEnergyAction.Pause, policy.UnknownAction);
        Assert.Empty(policy.Validate("energy:"));
    }

    [Fact]
    public void Profitable_mode_needs_the_board_power_and_a_price_and_names_the_keys()
    {
        var policy = new EnergyPolicy { Mode = EnergyMode.Profitable };

        string[] errors = policy.Validate("energy:");

        Assert.Contains(errors, e => e.Contains("energy:boardWatts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("energy:pricePerKwh, energy:tariff or energy:priceTopic", StringComparison.Ordinal));
    }

    [Fact]
    public void Idle_power_must_be_below_the_board_power()
    {
        var policy = new EnergyPolicy { Mode = EnergyMode.Surplus, BoardMilliW = 3000, IdleMilliW = 3000 };

        Assert.Contains(policy.Validate("energy:"), e => e.StartsWith("energy:idleWatts = 3 W must be below energy:boardWatts = 3 W", StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_mode_needs_a_daily_budget()
    {
        var policy = new EnergyPolicy { Mode = EnergyMode.Budget, BoardMilliW = 5000 };

        Assert.Contains(policy.Validate("energy:"), e => e.StartsWith("energy:mode = budget needs energy:dailyKwh", StringComparison.Ordinal));
    }

    [Fact]
    public void Margin_minimum_switch_time_and_prices_are_range_checked()
    {
        var policy = new EnergyPolicy
        {
            Mode = EnergyMode.Profitable,
            BoardMilliW = 5000,
            MarginPermille = 10_500,
            MinSwitchSeconds = -1,
            HasFlatPrice = true,
            FlatPriceNanoPerKwh = 200_000L * TariffPeriod.NanoPerUnit,
        };

        string[] errors = policy.Validate("energy:");

        Assert.Contains(errors, e => e.StartsWith("energy:margin = 10.5 is out of range", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("energy:minSwitchSeconds = -1 s is out of range", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("energy:pricePerKwh = 200000 is out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void Tariff_periods_parse_from_the_configuration_form()
    {
        Assert.True(TariffPeriod.TryParse("22:00-07:00=0.19", out TariffPeriod night));
        Assert.Equal((22 * 60, 7 * 60, 190_000_000L), (night.Window.StartMinute, night.Window.EndMinute, night.PriceNanoPerKwh));
        Assert.Equal("22:00-07:00=0.19", night.ToString());

        Assert.False(TariffPeriod.TryParse("22:00-07:00", out _));
        Assert.False(TariffPeriod.TryParse("25:00-07:00=0.1", out _));
        Assert.False(TariffPeriod.TryParse("22:00-07:00=cheap", out _));
    }
}
