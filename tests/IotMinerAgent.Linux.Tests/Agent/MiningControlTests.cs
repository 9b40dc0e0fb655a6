using System;
using System.Threading;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Hardware;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>The owner's controls (MQTT commands) over the real governor loop and duty gate.</summary>
public sealed class MiningControlTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DutyCycleGate _gate = new();
    private readonly GovernorLoop _loop;
    private readonly MiningControl _control;

    // The same controls without the periodic re-check, so only a resume or the stop can wake a paused worker.
    private readonly MiningControl _withoutRecheck;

    public MiningControlTests()
    {
        var policy = new GovernorPolicy { Threads = 2, IdleOnly = false, NoSensorDutyPercent = 100 };
        _loop = new GovernorLoop(new ThermalGovernor(policy), _gate, sensor: null, idleSources: Array.Empty<IIdleSource>(), TimeSpan.FromMilliseconds(100));
        _control = new MiningControl(_loop, _gate, workers: 2);
        _withoutRecheck = new MiningControl(_loop, _gate, workers: 2) { PausedCheck = Timeout.InfiniteTimeSpan };
        _loop.Step();
    }

    [Fact]
    public void Pause_stops_every_worker_and_shows_in_status_until_resume()
    {
        Assert.True(_control.WaitForTurn(0, CancellationToken.None));
        _control.Pause();
        Assert.False(_control.MiningEnabled);
        Assert.Equal(AgentState.Paused, _control.State);
        Assert.Contains("by the owner", _control.Reason);
        Assert.Equal(0, _control.Threads);
        Assert.False(_control.WaitForTurn(0, CancellationToken.None));

        _control.Resume();
        Assert.True(_control.MiningEnabled);
        Assert.NotEqual(AgentState.Paused, _control.State);
        Assert.True(_control.WaitForTurn(0, CancellationToken.None));
    }

    [Fact]
    public void A_worker_blocked_in_the_pause_wakes_when_stopping()
    {
        using var stop = new CancellationTokenSource();
        BlockedWorker worker = BlockedInPause(stop.Token);

        stop.Cancel();

        Assert.True(worker.Thread.Join(Patience), "a paused worker did not wake when the agent stopped");
        Assert.False(worker.Turn);
    }

    [Fact]
    public void A_worker_blocked_in_the_pause_wakes_when_resumed_and_gets_its_turn()
    {
        BlockedWorker worker = BlockedInPause(CancellationToken.None);

        _withoutRecheck.Resume();

        Assert.True(worker.Thread.Join(Patience), "a paused worker did not wake when the owner resumed");
        Assert.True(_withoutRecheck.WaitForTurn(0, CancellationToken.None));
    }

    /// <summary>
    /// Pauses the control without re-check, starts a worker asking it for its turn and waits, bounded, until the worker
    /// is blocked inside that call.
    /// </summary>
    private BlockedWorker BlockedInPause(CancellationToken stopping)
    {
        _withoutRecheck.Pause();
        var worker = new BlockedWorker();
        worker.Thread = new Thread(() => worker.Turn = _withoutRecheck.WaitForTurn(1, stopping)) { IsBackground = true, Name = "paused worker" };
        worker.Thread.Start();

        Assert.True(
            SpinWait.SpinUntil(() => (worker.Thread.ThreadState & ThreadState.WaitSleepJoin) != 0 || !worker.Thread.IsAlive, Patience),
            "the worker never blocked");
        Assert.True(worker.Thread.IsAlive, $"a paused worker returned ({worker.Turn}) instead of waiting for resume or stop");
        return worker;
    }

    public void Dispose() => _withoutRecheck.Resume(); // frees a worker a failed test left blocked

    [Fact]
    public void Retuning_changes_the_governor_policy_that_status_reports()
    {
        _control.SetTargetTemperature(62.5);
        _control.SetMaxDuty(40);
        _control.SetThreads(1);
        Assert.Equal(62.5, _control.TargetTemperatureC);
        Assert.Equal(40, _control.MaxDutyPercent);
        Assert.Equal(1, _loop.Policy.Threads);

        _loop.Step();
        Assert.True(_control.Threads <= 1);
        Assert.True(_control.DutyPercent * _control.Threads <= 40, $"duty {_control.DutyPercent} % on {_control.Threads} threads exceeds the 40 % ceiling");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Threads_outside_the_started_workers_are_refused(int threads)
    {
        var refused = Assert.Throws<ArgumentException>(() => _control.SetThreads(threads));
        Assert.Contains("1..2", refused.Message);
        Assert.Equal(2, _loop.Policy.Threads);
    }

    [Fact]
    public void A_target_the_policy_does_not_allow_is_refused_and_the_old_one_stays()
    {
        var refused = Assert.Throws<ArgumentException>(() => _control.SetTargetTemperature(500));
        Assert.Contains("targetTemperatureC", refused.Message);
        Assert.Equal(70, _control.TargetTemperatureC);
    }

    private sealed class BlockedWorker
    {
        public Thread Thread { get; set; } = null!;

        public bool? Turn { get; set; }
    }
}
