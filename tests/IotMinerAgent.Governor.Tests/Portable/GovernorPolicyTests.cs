using System;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class GovernorPolicyTests
{
    [Fact]
    public void The_default_policy_is_valid()
    {
        Assert.Empty(new GovernorPolicy().Validate("governor:"));
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "TargetMilliC=29500", "governor:targetTemperatureC = 29.5 °C is out of range: allowed 30 to 95 °C." },
        { "HardLimitMilliC=120500", "governor:hardLimitC = 120.5 °C is out of range: allowed 40 to 110 °C." },
        { "ResumeHysteresisMilliC=100", "governor:resumeHysteresisC = 0.1 °C is out of range: allowed 0.5 to 30 °C." },
        { "MinDutyPercent=0", "governor:minDutyPercent = 0 % is out of range: allowed 1 to 100 %." },
        { "MaxDutyPercent=101", "governor:maxDutyPercent = 101 % is out of range: allowed 1 to 100 %." },
        { "DutySlewPercentPerSecond=0", "governor:dutySlewPercentPerSecond = 0 is out of range: allowed 1 to 100." },
        { "Threads=0", "governor:threads = 0 is out of range: allowed 1 to 1024." },
        { "IdleDelaySeconds=-5", "governor:idleDelaySeconds = -5 s is out of range: allowed 0 to 86400 s." },
        { "NoSensorDutyPercent=0", "governor:noSensorDutyPercent = 0 % is out of range: allowed 1 to 100 %." },
        { "IntegralGain=10001", "governor:integralGain = 10001 is out of range: allowed 0 to 10000." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_value_names_the_key_the_value_and_the_range(string change, string expected)
    {
        GovernorPolicy policy = With(change);
        Assert.Equal(new[] { expected }, policy.Validate("governor:"));
    }

    [Fact]
    public void The_hard_limit_must_be_above_the_target()
    {
        var policy = new GovernorPolicy { TargetMilliC = 75_000, HardLimitMilliC = 75_500 };

        string error = Assert.Single(policy.Validate("governor:"));
        Assert.Contains("governor:hardLimitC = 75.5 °C must be at least 1 °C above governor:targetTemperatureC = 75 °C", error);
    }

    [Fact]
    public void Min_duty_above_max_duty_and_idle_above_busy_are_reported_together()
    {
        var policy = new GovernorPolicy { MinDutyPercent = 60, MaxDutyPercent = 50, IdleCpuPercent = 30, BusyCpuPercent = 30 };

        string[] errors = policy.Validate("governor:");
        Assert.Equal(2, errors.Length);
        Assert.Contains("governor:minDutyPercent = 60 must not exceed governor:maxDutyPercent = 50", errors[0]);
        Assert.Contains("governor:idleCpuPercent = 30 must be below governor:busyCpuPercent = 30", errors[1]);
    }

    [Fact]
    public void An_empty_schedule_window_is_reported_with_its_position()
    {
        var policy = new GovernorPolicy { Schedule = [new ScheduleWindow(1320, 420), new ScheduleWindow(600, 600)] };

        string error = Assert.Single(policy.Validate("governor:"));
        Assert.StartsWith("governor:schedule window 2 (600..600 min) is not a time window", error);
    }

    [Fact]
    public void Both_gains_zero_is_rejected()
    {
        var policy = new GovernorPolicy { ProportionalGain = 0, IntegralGain = 0 };

        Assert.Contains("set at least one", Assert.Single(policy.Validate("governor:")));
    }

    [Fact]
    public void The_governor_refuses_an_invalid_policy_with_every_message()
    {
        var policy = new GovernorPolicy { TargetMilliC = 10_000, Threads = 0 };

        var error = Assert.Throws<ArgumentException>(() => new ThermalGovernor(policy));
        Assert.Contains("targetTemperatureC = 10 °C is out of range", error.Message);
        Assert.Contains("threads = 0 is out of range", error.Message);
    }

    private static GovernorPolicy With(string change)
    {
        string[] parts = change.Split('=');
        var policy = new GovernorPolicy();
        typeof(GovernorPolicy).GetProperty(parts[0])!.SetValue(policy, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        return policy;
    }
}
