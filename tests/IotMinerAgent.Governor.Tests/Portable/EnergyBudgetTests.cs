using System;

namespace IotMinerAgent.Governor.Tests.Portable;

/// <summary>
/// Budget mode against a fake clock that moves in 10 s steps: the board draws 4 W at full duty (idle 0 W, and the
/// duty range is pinned at 100 % so every mining second costs exactly 4 J). Worked examples computed by hand.
/// </summary>
public sealed class EnergyBudgetTests
{
    private const long MicroJPerJoule = 1_000_000;

    private static ThermalGovernor Governor(long dailyMilliWh, long monthlyMilliWh = 0, int minSwitchSeconds = 300) => new(
        new GovernorPolicy { Threads = 1, IdleOnly = false, MinDutyPercent = 100, MaxDutyPercent = 100 },
        new EnergyGovernor(new EnergyPolicy
        {
            Mode = EnergyMode.Budget,
            BoardMilliW = 4000,
            DailyBudgetMilliWh = dailyMilliWh,
            MonthlyBudgetMilliWh = monthlyMilliWh,
            MinSwitchSeconds = minSwitchSeconds,
        }));

    /// <summary>A clock in 10 s steps starting at a local date and second of day; the monotonic milliseconds follow it.</summary>
    private sealed class Clock(DateTime start)
    {
        public DateTime Now { get; private set; } = start;

        public long Ms { get; private set; }

        public GovernorDecision Step(ThermalGovernor governor)
        {
            Now = Now.AddSeconds(10);
            Ms += 10_000;
            return Decide(governor);
        }

        public GovernorDecision Decide(ThermalGovernor governor) => governor.Decide(
            new GovernorInputs().WithTemperature(40_000).WithLocalTime(Now.Year, Now.Month, Now.Day, (int)Now.TimeOfDay.TotalSeconds), Ms);

        /// <summary>Steps until the state changes; returns the decision that changed it.</summary>
        public GovernorDecision StepUntilChange(ThermalGovernor governor, int maxSteps = 20_000)
        {
            GovernorState state = Decide(governor).State;
            for (int i = 0; i < maxSteps; i++)
            {
                GovernorDecision decision = Step(governor);
                if (decision.State != state)
                {
                    return decision;
                }
            }

            throw new InvalidOperationException("the state never changed");
        }
    }

    [Fact]
    public void Restored_energy_counts_today_and_the_month_and_the_next_day_starts_from_zero()
    {
        // Restored at 23:59:50 on 10 March: 0.02 kWh today (20 Wh = 72 000 J), 0.5 kWh this month (1 800 000 J).
        ThermalGovernor governor = Governor(dailyMilliWh: 24_000, monthlyMilliWh: 0, minSwitchSeconds: 0);
        governor.Energy.Restore(2026, 3, 10, 72_000 * MicroJPerJoule, 1_800_000 * MicroJPerJoule);
        var clock = new Clock(new DateTime(2026, 3, 10, 23, 59, 50));
        clock.Decide(governor);
        Assert.Equal(72_000 * MicroJPerJoule, governor.Energy.TodayMicroJ);
        Assert.Equal(1_800_000 * MicroJPerJoule, governor.Energy.MonthMicroJ);

        // 10 s later it is midnight: today starts again, holding only the interval that ended after midnight (at
        // most 10 s × 4 W = 40 J, not the restored 72 000 J); the month keeps the restored 1 800 000 J plus that interval.
        clock.Step(governor);
        Assert.InRange(governor.Energy.TodayMicroJ, 0, 40 * MicroJPerJoule);
        Assert.Equal((1_800_000 * MicroJPerJoule) + governor.Energy.TodayMicroJ, governor.Energy.MonthMicroJ);
    }

    [Fact]
    public void The_daily_budget_is_spread_over_the_day()
    {
        // 24 Wh a day allows 1 Wh per elapsed hour. At 06:00, 6 Wh are allowed and nothing is used: 6 Wh is more than
        // the 4 W × 300 s = 1200 J (0.33 Wh) a run of the minimum switch time needs, so mining starts.
        ThermalGovernor governor = Governor(dailyMilliWh: 24_000);
        var clock = new Clock(new DateTime(2026, 3, 10, 6, 0, 0));
        GovernorDecision start = clock.Decide(governor);
        Assert.Equal(GovernorState.Mining, start.State);
        Assert.EndsWith("budget 0.024 kWh/day: 0 kWh used, 0.006 kWh allowed by 06:00", start.Reason);

        // Mining at 4 W uses 4 Wh an hour while the allowance grows 1 Wh an hour: the 6 Wh of headroom last
        // 6 / (4 − 1) = 2 h. At 08:00, 8 Wh are used and 8 Wh allowed (no headroom left): pause.
        GovernorDecision paused = clock.StepUntilChange(governor);
        Assert.Equal(new DateTime(2026, 3, 10, 8, 0, 0), clock.Now);
        Assert.Equal(GovernorState.Paused, paused.State);
        Assert.Equal("paused: budget 0.024 kWh/day: 0.008 kWh used, 0.008 kWh allowed by 08:00, waiting for the allowance to grow", paused.Reason);
        Assert.Equal(8 * 3600 * MicroJPerJoule, governor.Energy.TodayMicroJ);

        // Resuming needs room for a 300 s run (1200 J): the allowance grows 1 W, so 1200 s later, at 08:20.
        GovernorDecision resumed = clock.StepUntilChange(governor);
        Assert.Equal(new DateTime(2026, 3, 10, 8, 20, 0), clock.Now);
        Assert.Equal(GovernorState.Mining, resumed.State);
    }

    [Fact]
    public void A_spent_day_stops_at_once_and_both_the_day_and_the_month_start_again_at_midnight()
    {
        // 1 Wh a day (3600 J) and 4 W mining. At 23:40 (85 200 s) 3600 × 85 200 / 86 400 = 3550 J are allowed. Used
        // grows 40 J per 10 s step, the allowance 0.4167 J: they meet after 3550 / 39.58 = 89.7 steps, so at step 90,
        // 23:55:00, used is 3600 J, the whole day's budget: spent.
        ThermalGovernor governor = Governor(dailyMilliWh: 1_000);
        var clock = new Clock(new DateTime(2026, 1, 31, 23, 40, 0));
        Assert.Equal(GovernorState.Mining, clock.Decide(governor).State);

        GovernorDecision spent = clock.StepUntilChange(governor);
        Assert.Equal(new DateTime(2026, 1, 31, 23, 55, 0), clock.Now);
        Assert.Equal("paused: daily energy budget 0.001 kWh spent (0.001 kWh used today), resets at midnight", spent.Reason);
        Assert.Equal(3600 * MicroJPerJoule, governor.Energy.TodayMicroJ);
        Assert.Equal(3600 * MicroJPerJoule, governor.Energy.MonthMicroJ);

        // Midnight into 1 February: a new day and a new month, nothing used. At 00:00 nothing is allowed yet;
        // a 300 s run (1200 J) fits once 3600 × s / 86 400 ≥ 1200, at s = 28 800: 08:00.
        GovernorDecision resumed = clock.StepUntilChange(governor);
        Assert.Equal(new DateTime(2026, 2, 1, 8, 0, 0), clock.Now);
        Assert.Equal(GovernorState.Mining, resumed.State);
        Assert.Equal(0, governor.Energy.MonthMicroJ);
        Assert.Equal(0, governor.Energy.TodayMicroJ);
    }

    [Fact]
    public void The_month_count_carries_over_midnight_inside_a_month()
    {
        ThermalGovernor governor = Governor(dailyMilliWh: 1_000);
        var clock = new Clock(new DateTime(2026, 1, 30, 23, 40, 0));
        clock.StepUntilChange(governor);

        // Into 31 January: the day starts again, the month keeps the 3600 J of the 30th.
        for (int i = 0; i < 40; i++)
        {
            clock.Step(governor);
        }

        Assert.Equal(31, clock.Now.Day);
        Assert.Equal(0, governor.Energy.TodayMicroJ);
        Assert.Equal(3600 * MicroJPerJoule, governor.Energy.MonthMicroJ);
    }

    [Fact]
    public void A_monthly_budget_spread_over_the_month_limits_below_the_daily_one()
    {
        // 3.1 Wh a month of 31 days is 0.1 Wh a day. On 1 March at 12:00, half a day has elapsed: 0.05 Wh (180 J)
        // allowed by the month, far below the 1 kWh daily budget. A 300 s run needs 1200 J: no mining.
        ThermalGovernor governor = Governor(dailyMilliWh: 1_000_000, monthlyMilliWh: 3_100);
        var clock = new Clock(new DateTime(2026, 3, 1, 12, 0, 0));

        GovernorDecision decision = clock.Decide(governor);

        Assert.Equal(GovernorState.Paused, decision.State);
        Assert.Equal("paused: budget 0.0031 kWh/month: 0 kWh used, 0.00005 kWh allowed by now, waiting for the allowance to grow", decision.Reason);
    }

    [Fact]
    public void Without_a_clock_the_budget_is_an_unknown_input()
    {
        ThermalGovernor governor = Governor(dailyMilliWh: 1_000);

        GovernorDecision decision = governor.Decide(new GovernorInputs().WithTemperature(40_000), 0);

        Assert.Equal("paused: local date unknown (the clock is not set); energy:unknownAction = pause", decision.Reason);
    }

    [Fact]
    public void A_measured_draw_replaces_the_estimate_in_the_count()
    {
        ThermalGovernor governor = Governor(dailyMilliWh: 24_000);
        var inputs = new GovernorInputs().WithTemperature(40_000).WithLocalTime(2026, 3, 10, 6 * 3600);
        governor.Decide(inputs, 0);

        // A smart plug says 6.5 W while mining: 10 s count 65 J, not the estimated 40 J.
        inputs.Energy.WithPower(6500);
        governor.Decide(inputs, 10_000);

        Assert.Equal(65 * MicroJPerJoule, governor.Energy.TodayMicroJ);
    }
}
