using System;

namespace IotMinerAgent.Governor.Tests.Portable;

/// <summary>
/// The energy rule inside the thermal governor, with worked examples computed by hand in the comments. The board
/// sits at 40 °C, far below the 70 °C target, so the thermal controller always wants full load and energy is the
/// rule that binds; the slew rate of 100 %/s lets the load reach the energy ceiling one second after a start.
/// </summary>
public sealed class EnergyGovernorTests
{
    private const long Nano = TariffPeriod.NanoPerUnit;

    private static ThermalGovernor Governor(EnergyPolicy energy) =>
        new(new GovernorPolicy { Threads = 1, IdleOnly = false, DutySlewPercentPerSecond = 100 }, new EnergyGovernor(energy));

    private static GovernorInputs Cool() => new GovernorInputs().WithTemperature(40_000);

    private static GovernorInputs Earning(long nanoPerHour, string source = "estimate")
    {
        GovernorInputs inputs = Cool();
        inputs.Energy.WithEarnings(nanoPerHour, source);
        return inputs;
    }

    private static GovernorInputs PriceAndEarnings(long priceNano, long earningsNano, string source = "estimate")
    {
        GovernorInputs inputs = Earning(earningsNano, source);
        inputs.Energy.WithPrice(priceNano);
        return inputs;
    }

    private static EnergyPolicy Profitable(long flatPriceNano = 410_000_000, int marginPermille = 0) => new()
    {
        Mode = EnergyMode.Profitable,
        BoardMilliW = 5000,
        IdleMilliW = 2000,
        HasFlatPrice = true,
        FlatPriceNanoPerKwh = flatPriceNano,
        MarginPermille = marginPermille,
    };

    [Fact]
    public void Profitable_pauses_when_the_energy_costs_more_than_mining_earns_and_says_both_figures()
    {
        ThermalGovernor governor = Governor(Profitable());

        // 0.41 €/kWh × 5 W = 0.41 × 0.005 kWh/h = 0.00205 €/h = 0.205 ct/h; 0.002 ct/h = 20 000 n€/h earned.
        GovernorDecision decision = governor.Decide(Earning(20_000), 0);

        Assert.Equal(GovernorState.Paused, decision.State);
        Assert.Equal("paused: energy 0.41 €/kWh (energy:pricePerKwh) costs 0.205 ct/h at 5 W, mining earns 0.002 ct/h (estimate)", decision.Reason);
    }

    [Fact]
    public void Profitable_mines_when_the_earnings_cover_the_cost()
    {
        ThermalGovernor governor = Governor(Profitable());

        // 0.3 ct/h = 3 000 000 n€/h ≥ 0.205 ct/h = 2 050 000 n€/h.
        governor.Decide(Earning(3_000_000), 0);
        GovernorDecision decision = governor.Decide(Earning(3_000_000), 1000);

        Assert.Equal(GovernorState.Mining, decision.State);
        Assert.Equal("mining: 40.0 °C <= target 70 °C; energy 0.41 €/kWh (energy:pricePerKwh) costs 0.205 ct/h at 5 W, mining earns 0.3 ct/h (estimate)", decision.Reason);
    }

    [Fact]
    public void The_margin_raises_the_bar()
    {
        ThermalGovernor governor = Governor(Profitable(marginPermille: 500));

        // Break-even 0.205 ct/h × 1.5 = 0.3075 ct/h, shown to three digits as 0.308; 0.3 ct/h falls short.
        GovernorDecision decision = governor.Decide(Earning(3_000_000), 0);

        Assert.Equal(GovernorState.Paused, decision.State);
        Assert.EndsWith("mining earns 0.3 ct/h (estimate), needs 0.308 ct/h with margin 50 %", decision.Reason);
    }

    [Fact]
    public void A_time_of_use_tariff_prices_the_hour_it_covers()
    {
        EnergyPolicy policy = Profitable();
        policy.HasFlatPrice = false;
        Assert.True(TariffPeriod.TryParse("07:00-22:00=0.41", out TariffPeriod day));
        Assert.True(TariffPeriod.TryParse("22:00-07:00=0.19", out TariffPeriod night));
        policy.Tariff = [day, night];
        ThermalGovernor governor = Governor(policy);

        // At 23:00 the night price applies: 0.19 €/kWh × 5 W = 0.00095 €/h = 0.095 ct/h < 0.1 ct/h earned.
        GovernorInputs late = Earning(1_000_000).WithLocalTime(2026, 3, 2, 23 * 3600);
        GovernorDecision decision = governor.Decide(late, 0);

        Assert.NotEqual(GovernorState.Paused, decision.State);
        Assert.Contains("energy 0.19 €/kWh (tariff 22:00-07:00) costs 0.095 ct/h at 5 W", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Near_break_even_the_hysteresis_keeps_mining_and_the_minimum_switch_time_delays_each_change()
    {
        EnergyPolicy policy = Profitable();
        policy.HasFlatPrice = false;
        policy.PriceFromTopic = true;
        ThermalGovernor governor = Governor(policy);

        // Earnings 2 050 000 n€/h = the cost at 0.41 €/kWh (0.41 × 5 W = 2 050 000 n€/h): exactly break-even mines.
        const long Earnings = 2_050_000;
        Assert.NotEqual(GovernorState.Paused, governor.Decide(PriceAndEarnings(410_000_000, Earnings), 0).State);

        // 0.42 €/kWh costs 2 100 000 n€/h; 5 % below that is 1 995 000 ≤ 2 050 000: inside the band, mining goes on.
        Assert.NotEqual(GovernorState.Paused, governor.Decide(PriceAndEarnings(420_000_000, Earnings), 5_000).State);

        // 0.44 €/kWh costs 2 200 000 n€/h; 5 % below is 2 090 000 > 2 050 000: it wants to pause, but mining switched
        // on at 0 s and may switch again only at 300 s.
        GovernorDecision held = governor.Decide(PriceAndEarnings(440_000_000, Earnings), 10_000);
        Assert.NotEqual(GovernorState.Paused, held.State);
        Assert.Contains("pausing in 290 s (energy:minSwitchSeconds = 300)", held.Reason, StringComparison.Ordinal);

        Assert.Equal(GovernorState.Paused, governor.Decide(PriceAndEarnings(440_000_000, Earnings), 300_000).State);

        // Back at 0.42 €/kWh: resuming needs the full break-even (2 100 000 > 2 050 000), so it stays paused.
        GovernorDecision stillPaused = governor.Decide(PriceAndEarnings(420_000_000, Earnings), 310_000);
        Assert.Equal(GovernorState.Paused, stillPaused.State);
        Assert.DoesNotContain("resuming", stillPaused.Reason, StringComparison.Ordinal);

        // At 0.41 €/kWh it may resume, after 300 s from the pause at 300 s: 600 − 320 = 280 s to go.
        GovernorDecision waiting = governor.Decide(PriceAndEarnings(410_000_000, Earnings), 320_000);
        Assert.Equal(GovernorState.Paused, waiting.State);
        Assert.EndsWith("; resuming in 280 s (energy:minSwitchSeconds = 300)", waiting.Reason);
        Assert.Equal(GovernorState.Paused, governor.Decide(PriceAndEarnings(410_000_000, Earnings), 599_000).State);
        Assert.NotEqual(GovernorState.Paused, governor.Decide(PriceAndEarnings(410_000_000, Earnings), 600_000).State);
    }

    [Fact]
    public void An_unknown_price_pauses_by_default_and_names_the_input_and_why()
    {
        EnergyPolicy policy = Profitable();
        policy.PriceFromTopic = true;
        ThermalGovernor governor = Governor(policy);
        GovernorInputs inputs = Earning(0, "demo work earns nothing");
        inputs.Energy.PriceUnknownWhy = "no message on home/price for 612 s";

        GovernorDecision decision = governor.Decide(inputs, 0);

        // The flat price is not a fallback for a silent topic: only the topic counts once it is configured.
        Assert.Equal(GovernorState.Paused, decision.State);
        Assert.Equal("paused: energy price unknown (no message on home/price for 612 s); energy:unknownAction = pause", decision.Reason);
    }

    [Fact]
    public void Unknown_earnings_follow_the_unknown_action()
    {
        EnergyPolicy policy = Profitable();
        policy.UnknownAction = UnknownEnergyAction.Mine;
        ThermalGovernor governor = Governor(policy);
        var inputs = Cool();
        inputs.Energy.EarningsUnknownWhy = "coin price unknown: set energy:coinPrice";

        GovernorDecision decision = governor.Decide(inputs, 0);

        Assert.NotEqual(GovernorState.Paused, decision.State);
        Assert.EndsWith("; earnings unknown (coin price unknown: set energy:coinPrice); energy:unknownAction = mine", decision.Reason);
    }

    [Fact]
    public void The_unknown_fallback_gives_way_at_once_to_a_known_price_then_the_minimum_switch_time_applies()
    {
        // The done-when: unknownAction mine, then a retained price of 1000 €/kWh, then 0 €/kWh; demo work earns a known 0.
        EnergyPolicy policy = Profitable();
        policy.PriceFromTopic = true;
        policy.UnknownAction = UnknownEnergyAction.Mine;
        policy.MinSwitchSeconds = 60;
        ThermalGovernor governor = Governor(policy);

        Assert.NotEqual(GovernorState.Paused, governor.Decide(Earning(0, "demo work earns nothing"), 0).State);

        // 1000 €/kWh × 5 W = 5 €/h = 500 ct/h > 0 ct/h: paused at once although mining started 1 s ago.
        GovernorDecision expensive = governor.Decide(PriceAndEarnings(1000 * Nano, 0, "demo work earns nothing"), 1_000);
        Assert.Equal(GovernorState.Paused, expensive.State);
        Assert.Equal("paused: energy 1000 €/kWh (price topic) costs 500 ct/h at 5 W, mining earns 0 ct/h (demo work earns nothing)", expensive.Reason);

        // 0 €/kWh costs 0 ct/h and 0 ≥ 0: mining may resume, 60 s after the pause at 1 s.
        GovernorDecision free = governor.Decide(PriceAndEarnings(0, 0, "demo work earns nothing"), 2_000);
        Assert.Equal(GovernorState.Paused, free.State);
        Assert.EndsWith("resuming in 59 s (energy:minSwitchSeconds = 60)", free.Reason);
        Assert.NotEqual(GovernorState.Paused, governor.Decide(PriceAndEarnings(0, 0, "demo work earns nothing"), 61_000).State);
    }

    private static EnergyPolicy SurplusPolicy(int minSwitchSeconds = 0) => new()
    {
        Mode = EnergyMode.Surplus,
        BoardMilliW = 5000,
        IdleMilliW = 1000,
        MinSwitchSeconds = minSwitchSeconds,
    };

    private static GovernorInputs Surplus(int milliW, int id)
    {
        GovernorInputs inputs = Cool();
        inputs.Energy.WithSurplus(milliW, id);
        return inputs;
    }

    [Fact]
    public void In_surplus_mode_the_duty_follows_the_exported_power_counting_the_miners_own_draw()
    {
        ThermalGovernor governor = Governor(SurplusPolicy());

        // Board 5 W, idle 1 W: mining adds up to 4 W. 2 W exported while not mining → 2 / 4 = 50 % duty (the first
        // decision starts at the 10 % minimum, the next one a second later reaches the ceiling).
        governor.Decide(Surplus(2000, 1), 0);
        GovernorDecision half = governor.Decide(Surplus(2000, 1), 1000);
        Assert.Equal((GovernorState.Throttled, 50), (half.State, half.LoadPercent));
        Assert.Equal("throttled: surplus 2 W (2 W exported + 0 W mining) covers 50 % duty; 40.0 °C <= target 70 °C", half.Reason);

        // The same reading again is not new news: the duty stays.
        Assert.Equal(50, governor.Decide(Surplus(2000, 1), 2000).LoadPercent);

        // Still 1 W exported while mining at 50 % (2 W above idle): 3 W free → 75 %.
        governor.Decide(Surplus(1000, 2), 3000);
        Assert.Equal(75, governor.Decide(Surplus(1000, 2), 4000).LoadPercent);

        // Importing 2 W while mining at 75 % (3 W): 1 W free → 25 %.
        Assert.Equal(25, governor.Decide(Surplus(-2000, 3), 5000).LoadPercent);

        // More sun: 5 W exported at 25 % (1 W): 6 W free, more than the 4 W mining can use → full duty.
        governor.Decide(Surplus(5000, 4), 6000);
        GovernorDecision full = governor.Decide(Surplus(5000, 4), 7000);
        Assert.Equal((GovernorState.Mining, 100), (full.State, full.LoadPercent));

        // Importing 4 W at full duty (4 W): nothing free → pause.
        GovernorDecision paused = governor.Decide(Surplus(-4000, 5), 8000);
        Assert.Equal(GovernorState.Paused, paused.State);
        Assert.Equal("paused: surplus 0 W (-4 W exported + 4 W mining), mining needs 0.4 W above idle at the minimum duty", paused.Reason);
    }

    [Fact]
    public void From_a_pause_the_surplus_must_cover_the_minimum_duty_with_ten_percent_to_spare()
    {
        ThermalGovernor governor = Governor(SurplusPolicy());

        // Minimum duty 10 % of 4 W = 0.4 W; starting needs 110 % of it = 0.44 W. 0.42 W is not enough.
        GovernorDecision short_ = governor.Decide(Surplus(420, 1), 0);
        Assert.Equal(GovernorState.Paused, short_.State);
        Assert.EndsWith("mining needs 0.44 W above idle at the minimum duty", short_.Reason);

        Assert.NotEqual(GovernorState.Paused, governor.Decide(Surplus(440, 2), 1000).State);
    }

    [Fact]
    public void A_surplus_that_flickers_does_not_switch_mining_faster_than_the_minimum_switch_time()
    {
        ThermalGovernor governor = Governor(SurplusPolicy(minSwitchSeconds: 120));

        Assert.NotEqual(GovernorState.Paused, governor.Decide(Surplus(2000, 1), 0).State);

        // A cloud: importing 3 W while mining at the 10 % start (0.4 W) → nothing free, but mining started at 0 s.
        GovernorDecision held = governor.Decide(Surplus(-3000, 2), 30_000);
        Assert.NotEqual(GovernorState.Paused, held.State);
        Assert.Equal(10, held.LoadPercent);
        Assert.Contains("pausing in 90 s", held.Reason, StringComparison.Ordinal);

        Assert.Equal(GovernorState.Paused, governor.Decide(Surplus(-3000, 3), 120_000).State);
    }

    [Fact]
    public void A_missing_surplus_reading_is_an_unknown_input()
    {
        ThermalGovernor governor = Governor(SurplusPolicy());
        GovernorInputs inputs = Cool();
        inputs.Energy.SurplusUnknownWhy = "no message on home/export for 700 s (energy:topicTimeout = 600 s)";

        Assert.Equal("paused: surplus unknown (no message on home/export for 700 s (energy:topicTimeout = 600 s)); energy:unknownAction = pause",
            governor.Decide(inputs, 0).Reason);
    }
}
