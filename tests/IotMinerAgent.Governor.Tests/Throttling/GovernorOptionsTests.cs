using System;
using System.Collections.Generic;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Governor.Tests.Throttling;

public sealed class GovernorOptionsTests
{
    [Fact]
    public void The_defaults_become_a_valid_policy_with_one_thread_per_core()
    {
        Assert.True(new GovernorOptions().TryCreatePolicy(4, out GovernorPolicy policy, out IReadOnlyList<string> errors), string.Join("\n", errors));

        Assert.Equal(4, policy.Threads);
        Assert.Equal((70_000, 80_000, 5_000), (policy.TargetMilliC, policy.HardLimitMilliC, policy.ResumeHysteresisMilliC));
        Assert.Equal(NoSensorAction.FixedDuty, policy.NoSensor);
        Assert.Empty(policy.Schedule);
    }

    [Fact]
    public void Degrees_with_decimals_and_schedules_are_converted()
    {
        var options = new GovernorOptions { TargetTemperatureC = 65.5, HardLimitC = 75.25, NoSensor = "Pause", Schedule = "22:00-07:00, 12:00-13:30", Threads = 2 };

        Assert.True(options.TryCreatePolicy(4, out GovernorPolicy policy, out _));

        Assert.Equal((65_500, 75_250, 2), (policy.TargetMilliC, policy.HardLimitMilliC, policy.Threads));
        Assert.Equal(NoSensorAction.Pause, policy.NoSensor);
        Assert.Equal(["22:00-07:00", "12:00-13:30"], Array.ConvertAll(policy.Schedule, w => w.ToString()));
    }

    [Fact]
    public void Every_error_names_its_key_under_the_governor_section()
    {
        var options = new GovernorOptions
        {
            TargetTemperatureC = double.NaN,
            MaxDutyPercent = 150,
            NoSensor = "ignore",
            Schedule = "22:00-07:00,late",
            UserActivity = "x11",
            IdleWindowSeconds = 0,
            IntervalMilliseconds = 50,
            Threads = -1,
        };

        Assert.False(options.TryCreatePolicy(4, out _, out IReadOnlyList<string> errors));

        Assert.Contains(errors, e => e.StartsWith("governor:targetTemperatureC = NaN is not a temperature", StringComparison.Ordinal));
        Assert.Contains("governor:maxDutyPercent = 150 % is out of range: allowed 1 to 100 %.", errors);
        Assert.Contains(errors, e => e.StartsWith("governor:noSensor = 'ignore' is not known: use 'pause' or 'fixed'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("governor:schedule entry 'late' is not a window", StringComparison.Ordinal));
        Assert.Contains("governor:userActivity = 'x11' is not known: use 'none' or 'logind'.", errors);
        Assert.Contains("governor:idleWindowSeconds = 0 s is out of range: allowed 1 to 60 s.", errors);
        Assert.Contains("governor:intervalMilliseconds = 50 is out of range: allowed 100 to 5000.", errors);
        Assert.Contains("governor:threads = -1 is out of range: allowed 0 (one per core) to 1024.", errors);
    }

    [Fact]
    public void Create_refuses_invalid_options_and_unreadable_pinned_sensors()
    {
        using var sys = new TemporaryTree();
        var environment = new GovernorEnvironment { SysRoot = sys.Root, CommandRunner = new ScriptedCommandRunner() };

        var invalid = Assert.Throws<ArgumentException>(() => GovernorLoop.Create(new GovernorOptions { HardLimitC = 60 }, new DutyCycleGate(), environment));
        Assert.Contains("governor:hardLimitC = 60 °C must be at least 1 °C above governor:targetTemperatureC = 70 °C", invalid.Message);

        var pinned = Assert.Throws<ArgumentException>(() => GovernorLoop.Create(new GovernorOptions { TemperatureSensor = sys.PathOf("temp") }, new DutyCycleGate(), environment));
        Assert.Contains("governor:temperatureSensor", pinned.Message);
    }

    [Fact]
    public void Create_wires_the_discovered_sensor()
    {
        using var sys = new TemporaryTree();
        sys.Write("class/thermal/thermal_zone0/type", "cpu-thermal");
        sys.Write("class/thermal/thermal_zone0/temp", "45000");
        var environment = new GovernorEnvironment { SysRoot = sys.Root, CommandRunner = new ScriptedCommandRunner() };

        GovernorLoop loop = GovernorLoop.Create(new GovernorOptions { IdleOnly = false }, new DutyCycleGate(), environment);

        Assert.Equal("thermal_zone0 (cpu-thermal)", loop.Sensor?.Description);
        Assert.Equal(45.0, loop.Step().TemperatureC);
    }
}
