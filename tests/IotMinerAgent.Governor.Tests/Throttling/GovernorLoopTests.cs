using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Hardware;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Governor.Tests.Throttling;

public sealed class GovernorLoopTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 23, 30, 0, TimeSpan.Zero));
    private readonly DutyCycleGate _gate = new();
    private readonly FakeSensor _sensor = new(50_000);
    private readonly FakeIdleSource _cpu = new(new IdleReading(true, TimeSpan.FromMinutes(5)));

    private GovernorLoop Loop(GovernorPolicy policy, params IIdleSource[] idle) =>
        new(new ThermalGovernor(policy), _gate, _sensor, idle.Length == 0 ? [_cpu] : idle, TimeSpan.FromMilliseconds(500), _time);

    private static GovernorPolicy Policy() => new() { Threads = 2, IdleDelaySeconds = 30, DutySlewPercentPerSecond = 100 };

    [Fact]
    public void Each_step_applies_the_decision_to_the_gate_and_publishes_it()
    {
        // 40 °C below the target the proportional term alone asks for full duty.
        _sensor.MilliC = 30_000;
        GovernorLoop loop = Loop(Policy());
        GovernorStatus? raised = null;
        loop.Decided += (_, s) => raised = s;

        loop.Step();
        _time.AdvanceMilliseconds(1000);
        GovernorStatus status = loop.Step();

        Assert.Same(status, loop.Latest);
        Assert.Same(status, raised);
        Assert.Equal(("mining", 2, 100), (status.State, status.Threads, status.DutyPercent));
        Assert.Equal((2, 100), (_gate.Threads, _gate.DutyPercent));
        Assert.Equal(30.0, status.TemperatureC);
        Assert.Equal("fake sensor", status.Sensor);
        Assert.Equal("mining: 30.0 °C <= target 70 °C", status.Reason);
        Assert.Equal(_time.GetUtcNow(), status.At);
    }

    [Fact]
    public void A_busy_device_closes_the_gate_on_the_next_step()
    {
        GovernorLoop loop = Loop(Policy());
        loop.Step();

        _cpu.Reading = IdleReading.Busy;
        GovernorStatus status = loop.Step();

        Assert.Equal(("paused", "paused: device busy"), (status.State, status.Reason));
        Assert.Equal(-1, _gate.MillisecondsUntilTurn(0));
    }

    [Fact]
    public void The_device_is_idle_only_when_every_readable_source_says_so()
    {
        var user = new FakeIdleSource(new IdleReading(true, TimeSpan.FromSeconds(10)));
        var unavailable = new FakeIdleSource(null);
        GovernorLoop loop = Loop(Policy(), _cpu, user, unavailable);

        Assert.Equal("paused: waiting for idle, 10 s of 30 s (20 s left)", loop.Step().Reason);

        user.Reading = IdleReading.Busy;
        Assert.Equal("paused: device busy", loop.Step().Reason);
    }

    [Fact]
    public void A_busy_reason_says_what_each_source_saw()
    {
        var user = new FakeIdleSource(new IdleReading(false, TimeSpan.Zero, "login session 3 is in use"));
        _cpu.Reading = new IdleReading(false, TimeSpan.Zero, "other processes 91 % CPU");
        GovernorLoop loop = Loop(Policy(), _cpu, user);

        Assert.Equal("paused: device busy (other processes 91 % CPU, login session 3 is in use)", loop.Step().Reason);

        _cpu.Reading = new IdleReading(true, TimeSpan.FromMinutes(5));
        Assert.Equal("paused: device busy (login session 3 is in use)", loop.Step().Reason);
    }

    [Fact]
    public void Without_a_sensor_the_status_duty_is_the_documented_overall_25_percent_not_the_workers_50()
    {
        // docs/configuration.md and the README: "without a sensor: a fixed 25 % duty". On two threads the governor runs
        // one worker at 50 %, which the status used to show as "duty 50 %".
        _sensor.MilliC = null;
        GovernorLoop loop = Loop(Policy());
        Assert.Equal(25, new GovernorOptions().NoSensorDutyPercent);
        Assert.Equal(25, new GovernorPolicy().NoSensorDutyPercent);

        loop.Step();
        _time.AdvanceMilliseconds(1000);
        GovernorStatus status = loop.Step();

        Assert.Equal((1, 50), (status.Threads, status.DutyPercent));
        Assert.Equal(25, status.LoadPercent);
        Assert.Equal("throttled: no temperature reading, fixed duty 25 %", status.Reason);
    }

    [Fact]
    public void Without_any_readable_idle_source_idle_only_mode_pauses()
    {
        GovernorLoop loop = Loop(Policy(), new FakeIdleSource(null));

        Assert.Equal("paused: idle state unknown", loop.Step().Reason);
    }

    [Fact]
    public void A_missing_reading_is_reported_as_no_temperature_not_zero()
    {
        _sensor.MilliC = null;
        GovernorLoop loop = Loop(Policy());

        GovernorStatus status = loop.Step();

        Assert.Null(status.TemperatureC);
        Assert.Equal("throttled: no temperature reading, fixed duty 25 %", status.Reason);
    }

    [Fact]
    public void The_schedule_follows_the_local_time_of_day()
    {
        GovernorPolicy policy = Policy();
        policy.Schedule = [new ScheduleWindow(22 * 60, 7 * 60)];
        GovernorLoop loop = Loop(policy);

        Assert.NotEqual("paused", loop.Step().State);

        _time.Advance(TimeSpan.FromHours(8));
        Assert.Equal("paused: outside schedule 22:00-07:00", loop.Step().Reason);
    }

    [Fact]
    public async Task Stopping_the_loop_closes_the_gate()
    {
        var loop = new GovernorLoop(new ThermalGovernor(Policy()), _gate, _sensor, [_cpu], TimeSpan.FromMilliseconds(20));
        using var stop = new CancellationTokenSource();
        Task running = loop.RunAsync(stop.Token);

        Assert.True(SpinWait.SpinUntil(() => _gate.Threads > 0, TimeSpan.FromSeconds(2)), "the loop never opened the gate");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _gate.Threads);
    }
}
