using System;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Hardware;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Linux.Tests.Status;

/// <summary>The terminal's live line and systemd's STATUS= (the same text): below full speed they always say why.</summary>
public sealed class StatusLineTests
{
    [Fact]
    public void At_full_speed_the_line_starts_with_mining()
    {
        string line = StatusText.OneLine(Status(AgentState.Mining, "mining: 50.0 °C <= target 70 °C", duty: 100));
        Assert.StartsWith("mining · 1.2 kH/s · ", line);
    }

    [Theory]
    [InlineData(AgentState.Paused, "paused: device busy (other processes 91 % CPU)", "paused: device busy (other processes 91 % CPU) · 1.2 kH/s · ")]
    [InlineData(AgentState.Paused, "paused: waiting for idle, 12 s of 30 s (18 s left)", "paused: waiting for idle, 12 s of 30 s (18 s left) · ")]
    [InlineData(AgentState.Throttled, "throttled: no temperature reading, fixed duty 25 %", "throttled: no temperature reading, fixed duty 25 % · ")]
    [InlineData(AgentState.NoWork, "waiting for work from stratum+tcp://pool:3333", "no-work: waiting for work from stratum+tcp://pool:3333 · ")]
    public void Below_full_speed_the_line_starts_with_the_reason(AgentState state, string reason, string expected)
    {
        Assert.StartsWith(expected, StatusText.OneLine(Status(state, reason, duty: 0)));
    }

    [Fact]
    public void The_terminal_line_puts_the_state_and_figures_first_and_the_reason_last_so_a_narrow_terminal_cuts_only_the_reason()
    {
        AgentStatus status = Status(AgentState.Throttled, "throttled: no temperature reading, fixed duty 25 %", duty: 25) with { Threads = 2, Accepted = 16 };
        Assert.Equal("throttled · 1.2 kH/s · duty 25 % · 2 threads · 16 accepted · pool demo — not earning · no temperature reading, fixed duty 25 %",
            StatusText.ForTerminal(status));
        Assert.Equal("mining · 1.2 kH/s · duty 100 % · 1 thread · 0 accepted · pool demo — not earning",
            StatusText.ForTerminal(Status(AgentState.Mining, "mining: 50.0 °C <= target 70 °C", duty: 100) with { Threads = 1 }));
        Assert.EndsWith(" · waiting for work from stratum+tcp://pool:3333", StatusText.ForTerminal(Status(AgentState.NoWork, "waiting for work from stratum+tcp://pool:3333", duty: 0)));
    }

    [Fact]
    public void Without_a_sensor_on_two_threads_the_line_shows_the_documented_25_percent_duty_and_why()
    {
        // The owner's controls over the real governor loop: no sensor, the default fixed duty, two threads.
        var policy = new GovernorPolicy { Threads = 2, IdleOnly = false, MinDutyPercent = 25 };
        Assert.Equal(NoSensorAction.FixedDuty, policy.NoSensor);
        var gate = new DutyCycleGate();
        var loop = new GovernorLoop(new ThermalGovernor(policy), gate, sensor: null, idleSources: Array.Empty<IIdleSource>(), TimeSpan.FromMilliseconds(100));
        var control = new MiningControl(loop, gate, workers: 2);
        loop.Step();

        // One worker hashes half of each slice: 25 % of the machine, which is what the line must say.
        Assert.Equal((1, 50), (gate.Threads, gate.DutyPercent));
        string line = StatusText.OneLine(Status(control.State, control.Reason, control.DutyPercent));

        Assert.StartsWith("throttled: no temperature reading, fixed duty 25 % · ", line);
        Assert.Contains(" · duty 25 % · ", line);
    }

    static AgentStatus Status(AgentState state, string reason, int duty) => new()
    {
        State = state,
        Reason = reason,
        HashrateHs = 1234,
        DutyPercent = duty,
        Pool = DemoWorkSource.Label,
        Version = "test",
    };
}
