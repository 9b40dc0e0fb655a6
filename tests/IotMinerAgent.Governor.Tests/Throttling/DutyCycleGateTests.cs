using System;
using System.Threading;
using CsCheck;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Governor.Tests.Throttling;

public sealed class DutyCycleGateTests
{
    [Fact]
    public void A_new_gate_is_closed()
    {
        Assert.Equal(-1, new DutyCycleGate().MillisecondsUntilTurn(0));
    }

    [Fact]
    public void Zero_duty_and_workers_beyond_the_thread_count_wait_for_a_change()
    {
        var gate = new DutyCycleGate(250, new ManualTimeProvider());
        gate.Apply(2, 0);
        Assert.Equal(-1, gate.MillisecondsUntilTurn(0));

        gate.Apply(2, 100);
        Assert.Equal(0, gate.MillisecondsUntilTurn(1));
        Assert.Equal(-1, gate.MillisecondsUntilTurn(2));
    }

    [Fact]
    public void At_half_duty_a_worker_runs_the_first_half_of_each_slice_and_waits_out_the_rest()
    {
        var time = new ManualTimeProvider();
        var gate = new DutyCycleGate(250, time);
        gate.Apply(1, 50);

        Assert.Equal(0, gate.MillisecondsUntilTurn(0));
        time.AdvanceMilliseconds(124);
        Assert.Equal(0, gate.MillisecondsUntilTurn(0));
        time.AdvanceMilliseconds(1);
        Assert.Equal(125, gate.MillisecondsUntilTurn(0));
        time.AdvanceMilliseconds(100);
        Assert.Equal(25, gate.MillisecondsUntilTurn(0));
        time.AdvanceMilliseconds(25);
        Assert.Equal(0, gate.MillisecondsUntilTurn(0));
    }

    [Fact]
    public void Over_a_slice_each_worker_runs_exactly_its_duty_and_never_waits_longer_than_a_slice()
    {
        Gen.Select(Gen.Int[10, 250], Gen.Int[1, 8], Gen.Int[0, 100]).Sample((slice, threads, duty) =>
        {
            var time = new ManualTimeProvider();
            var gate = new DutyCycleGate(slice, time);
            gate.Apply(threads, duty);
            int[] running = new int[threads];
            for (int ms = 0; ms < slice; ms++, time.AdvanceMilliseconds(1))
            {
                for (int worker = 0; worker < threads; worker++)
                {
                    long wait = gate.MillisecondsUntilTurn(worker);
                    Assert.True(duty == 0 ? wait == -1 : wait >= 0 && wait <= slice);
                    running[worker] += wait == 0 ? 1 : 0;
                }
            }

            Assert.All(running, r => Assert.Equal(duty * slice / 100, r));
        });
    }

    [Fact]
    public void Workers_take_turns_so_at_half_duty_two_never_run_at_once()
    {
        var time = new ManualTimeProvider();
        var gate = new DutyCycleGate(250, time);
        gate.Apply(2, 50);
        for (int ms = 0; ms < 1000; ms++, time.AdvanceMilliseconds(1))
        {
            bool first = gate.MillisecondsUntilTurn(0) == 0;
            bool second = gate.MillisecondsUntilTurn(1) == 0;
            Assert.True(first ^ second, $"at {ms} ms worker 0 running={first}, worker 1 running={second}");
        }
    }

    [Fact]
    public void A_waiting_worker_wakes_when_the_gate_opens_and_stops_within_a_second_of_a_pause()
    {
        var gate = new DutyCycleGate();
        long chunks = 0;
        using var stop = new CancellationTokenSource();
        var worker = new Thread(() =>
        {
            while (gate.WaitForTurn(0, stop.Token))
            {
                Interlocked.Increment(ref chunks);
                Thread.SpinWait(1000);
            }
        });
        worker.Start();

        Thread.Sleep(100);
        Assert.Equal(0, Interlocked.Read(ref chunks));

        gate.Apply(1, 100);
        Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref chunks) > 0, TimeSpan.FromSeconds(1)), "the worker did not start within 1 s of opening the gate");

        // The deadline: a pause takes effect within 1 s. After that no chunk may start any more.
        gate.Pause();
        Thread.Sleep(1000);
        long afterDeadline = Interlocked.Read(ref chunks);
        Thread.Sleep(300);
        Assert.Equal(afterDeadline, Interlocked.Read(ref chunks));

        stop.Cancel();
        Assert.True(worker.Join(TimeSpan.FromSeconds(1)), "a paused worker did not return when cancelled");
    }

    [Fact]
    public void Rejects_slices_longer_than_250_ms_and_duties_above_100()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DutyCycleGate(251));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DutyCycleGate().Apply(1, 101));
    }
}
