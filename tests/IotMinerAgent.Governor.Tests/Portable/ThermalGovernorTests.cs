namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class ThermalGovernorTests
{
    private static GovernorPolicy Policy() => new() { Threads = 4, IdleOnly = false };

    private static GovernorInputs At(int milliC) => new GovernorInputs().WithTemperature(milliC);

    [Fact]
    public void Above_the_target_the_reason_says_by_how_much()
    {
        var governor = new ThermalGovernor(Policy());

        GovernorDecision decision = governor.Decide(At(71_234), 0);

        Assert.Equal(GovernorState.Throttled, decision.State);
        Assert.Equal("throttled: 71.2 °C > target 70 °C", decision.Reason);
        Assert.Equal(71_234, decision.TemperatureMilliC);
        Assert.True(decision.HasTemperature);
    }

    [Fact]
    public void Mining_starts_at_the_minimum_duty_and_ramps_at_the_slew_rate()
    {
        var governor = new ThermalGovernor(Policy());

        GovernorDecision first = governor.Decide(At(40_000), 0);
        GovernorDecision later = governor.Decide(At(40_000), 2000);

        // 10 % of 4 threads = one worker at 40 %; two seconds at 5 %/s later 20 % = one worker at 80 %.
        Assert.Equal((1, 40), (first.Threads, first.DutyPercent));
        Assert.Equal((1, 80), (later.Threads, later.DutyPercent));
        Assert.Equal("throttled: ramping up, 40.0 °C <= target 70 °C", later.Reason);

        GovernorDecision full = later;
        for (long ms = 3000; ms <= 20_000; ms += 1000)
        {
            full = governor.Decide(At(40_000), ms);
        }


        Assert.Equal(GovernorState.Mining, full.State);
        Assert.Equal((4, 100), (full.Threads, full.DutyPercent));
        Assert.Equal("mining: 40.0 °C <= target 70 °C", full.Reason);
    }

    [Fact]
    public void The_hard_limit_pauses_at_once_and_resumes_only_after_cooling_by_the_hysteresis()
    {
        var governor = new ThermalGovernor(Policy());
        for (long ms = 0; ms <= 30_000; ms += 1000)
        {
            governor.Decide(At(60_000), ms);
        }

        GovernorDecision hot = governor.Decide(At(80_100), 31_000);
        Assert.Equal(GovernorState.Paused, hot.State);
        Assert.Equal((0, 0), (hot.Threads, hot.DutyPercent));
        Assert.Equal("paused: above hard limit: 80.1 °C >= 80 °C", hot.Reason);

        GovernorDecision cooling = governor.Decide(At(75_500), 40_000);
        Assert.Equal(GovernorState.Paused, cooling.State);
        Assert.Equal("paused: above hard limit, cooling: 75.5 °C, resuming at 75 °C", cooling.Reason);

        GovernorDecision lost = governor.Decide(new GovernorInputs(), 41_000);
        Assert.Equal(GovernorState.Paused, lost.State);
        Assert.Equal("paused: above hard limit 80 °C, no temperature reading since then", lost.Reason);
        Assert.False(lost.HasTemperature);

        GovernorDecision resumed = governor.Decide(At(75_000), 50_000);
        Assert.Equal(GovernorState.Throttled, resumed.State);
        Assert.Equal((1, 40), (resumed.Threads, resumed.DutyPercent));
    }

    [Fact]
    public void A_busy_device_pauses_at_once_in_idle_only_mode_and_waits_the_idle_delay()
    {
        var governor = new ThermalGovernor(new GovernorPolicy { Threads = 2, IdleDelaySeconds = 30 });

        Assert.Equal("paused: idle state unknown", governor.Decide(At(50_000), 0).Reason);
        Assert.Equal("paused: device busy", governor.Decide(At(50_000).WithIdle(false, 0), 1000).Reason);
        GovernorInputs busy = At(50_000).WithIdle(false, 0);
        busy.BusyDetail = "other processes 91 % CPU";
        Assert.Equal("paused: device busy (other processes 91 % CPU)", governor.Decide(busy, 1500).Reason);
        Assert.Equal("paused: waiting for idle, 12 s of 30 s (18 s left)", governor.Decide(At(50_000).WithIdle(true, 12_400), 2000).Reason);
        Assert.NotEqual(GovernorState.Paused, governor.Decide(At(50_000).WithIdle(true, 30_000), 3000).State);
        Assert.Equal("paused: device busy", governor.Decide(At(50_000).WithIdle(false, 0), 3100).Reason);
    }

    [Fact]
    public void Without_idle_only_mode_a_busy_device_keeps_mining()
    {
        var governor = new ThermalGovernor(Policy());

        Assert.NotEqual(GovernorState.Paused, governor.Decide(At(50_000).WithIdle(false, 0), 0).State);
    }

    [Fact]
    public void Outside_the_schedule_it_pauses_and_without_a_clock_it_does_not_guess()
    {
        GovernorPolicy policy = Policy();
        policy.Schedule = [new ScheduleWindow(22 * 60, 7 * 60)];
        var governor = new ThermalGovernor(policy);

        Assert.Equal("paused: time of day unknown, schedule 22:00-07:00", governor.Decide(At(50_000), 0).Reason);
        Assert.Equal("paused: outside schedule 22:00-07:00", governor.Decide(At(50_000).AtMinute(12 * 60), 1000).Reason);
        Assert.NotEqual(GovernorState.Paused, governor.Decide(At(50_000).AtMinute(23 * 60), 2000).State);
        Assert.NotEqual(GovernorState.Paused, governor.Decide(At(50_000).AtMinute(3 * 60), 3000).State);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 200_000)]
    [InlineData(true, -50_000)]
    public void No_plausible_reading_pauses_when_the_policy_says_pause(bool hasReading, int milliC)
    {
        GovernorPolicy policy = Policy();
        policy.NoSensor = NoSensorAction.Pause;
        var governor = new ThermalGovernor(policy);
        var inputs = new GovernorInputs { HasTemperature = hasReading, TemperatureMilliC = milliC };

        GovernorDecision decision = governor.Decide(inputs, 0);

        Assert.Equal(GovernorState.Paused, decision.State);
        Assert.Equal("paused: no temperature reading", decision.Reason);
        Assert.False(decision.HasTemperature);
    }

    [Fact]
    public void No_reading_with_a_fixed_duty_ramps_to_that_duty_and_never_claims_zero_degrees()
    {
        GovernorPolicy policy = Policy();
        policy.NoSensor = NoSensorAction.FixedDuty;
        policy.NoSensorDutyPercent = 25;
        var governor = new ThermalGovernor(policy);

        GovernorDecision decision = governor.Decide(At(0), 0);
        for (long ms = 1000; ms <= 60_000; ms += 1000)
        {
            decision = governor.Decide(At(0), ms);
        }

        Assert.Equal(GovernorState.Throttled, decision.State);
        Assert.Equal((1, 100), (decision.Threads, decision.DutyPercent));
        Assert.Equal(25, decision.LoadPercent);
        Assert.Equal("throttled: no temperature reading, fixed duty 25 %", decision.Reason);
        Assert.False(decision.HasTemperature);
    }

    [Fact]
    public void A_pause_for_any_reason_is_not_rate_limited()
    {
        var governor = new ThermalGovernor(new GovernorPolicy { Threads = 4, IdleDelaySeconds = 0 });
        for (long ms = 0; ms <= 60_000; ms += 1000)
        {
            governor.Decide(At(40_000).WithIdle(true, ms), ms);
        }

        Assert.Equal(GovernorState.Mining, governor.Decide(At(40_000).WithIdle(true, 61_000), 61_000).State);
        Assert.Equal(0, governor.Decide(At(40_000).WithIdle(false, 0), 61_100).DutyPercent);
    }

    [Fact]
    public void A_long_gap_between_decisions_counts_as_ten_seconds()
    {
        var governor = new ThermalGovernor(Policy());
        governor.Decide(At(40_000), 0);

        // An hour later (a suspended board), the ramp moved 10 s × 5 %/s, not to full duty.
        GovernorDecision decision = governor.Decide(At(40_000), 3_600_000);
        Assert.Equal((3, 80), (decision.Threads, decision.DutyPercent));
    }
}

internal static class GovernorInputsTestExtensions
{
    public static GovernorInputs AtMinute(this GovernorInputs inputs, int minuteOfDay)
    {
        inputs.MinuteOfDay = minuteOfDay;
        return inputs;
    }
}
