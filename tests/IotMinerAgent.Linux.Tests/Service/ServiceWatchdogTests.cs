using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Service;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Service;

public class ServiceWatchdogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Nothing_is_sent_before_ready_then_READY_comes_with_the_first_status_line_once()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var clock = new ManualClock();
        var heartbeats = new WorkerHeartbeats(2, clock);
        ServiceWatchdog watchdog = Watchdog(notifier, heartbeats, new FakeStatus("1.0 MH/s · 0 accepted · demo work"), clock, TimeSpan.FromSeconds(30));

        watchdog.Check();
        systemd.Flush(notifier);
        Assert.Equal(new[] { "TEST_MARKER" }, systemd.Received.Select(n => n.Key));

        watchdog.MarkReady();
        watchdog.MarkReady();
        systemd.Flush(notifier);
        Assert.Single(systemd.Of("READY"));
        Assert.Equal("1.0 MH/s · 0 accepted · demo work", Assert.Single(systemd.Of("STATUS")).Value);
        Assert.True(watchdog.IsReady);
    }

    [Fact]
    public void Pings_while_every_worker_progresses_and_sends_the_status_only_when_it_changes()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var clock = new ManualClock();
        var heartbeats = new WorkerHeartbeats(2, clock);
        var status = new FakeStatus("a");
        ServiceWatchdog watchdog = Watchdog(notifier, heartbeats, status, clock, TimeSpan.FromSeconds(30));
        watchdog.MarkReady();

        for (int i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(15));
            heartbeats.Beat(0);
            heartbeats.Beat(1);
            watchdog.Check();
        }

        status.Text = "b";
        watchdog.Check();
        systemd.Flush(notifier);

        Assert.Equal(4, systemd.Of("WATCHDOG").Length);
        Assert.Equal(new[] { "a", "b" }, systemd.Of("STATUS").Select(n => n.Value));
    }

    [Fact]
    public void A_hung_worker_stops_the_pings_and_says_so_in_the_status_and_the_pings_resume_when_it_recovers()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var clock = new ManualClock();
        var heartbeats = new WorkerHeartbeats(2, clock);
        ServiceWatchdog watchdog = Watchdog(notifier, heartbeats, new FakeStatus("fine"), clock, TimeSpan.FromSeconds(30));
        watchdog.MarkReady();

        clock.Advance(TimeSpan.FromSeconds(20));
        heartbeats.Beat(0);
        watchdog.Check();
        clock.Advance(TimeSpan.FromSeconds(11));
        heartbeats.Beat(0);
        watchdog.Check();
        watchdog.Check();
        systemd.Flush(notifier);

        Assert.Single(systemd.Of("WATCHDOG"));
        Assert.Equal("stalled: worker 1 made no progress for 31 s; systemd restarts the agent", systemd.Of("STATUS").Last().Value);

        heartbeats.Beat(1);
        watchdog.Check();
        systemd.Flush(notifier);
        Assert.Equal(2, systemd.Of("WATCHDOG").Length);
        Assert.Equal("fine", systemd.Of("STATUS").Last().Value);
    }

    [Fact]
    public void Without_a_systemd_watchdog_only_status_lines_are_sent()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var clock = new ManualClock();
        var status = new FakeStatus("a");
        ServiceWatchdog watchdog = Watchdog(notifier, new WorkerHeartbeats(1, clock), status, clock, watchdogTimeout: null);
        watchdog.MarkReady();
        status.Text = "b";
        watchdog.Check();
        systemd.Flush(notifier);

        Assert.Empty(systemd.Of("WATCHDOG"));
        Assert.Equal(new[] { "a", "b" }, systemd.Of("STATUS").Select(n => n.Value));
    }

    [Fact]
    public void No_workers_to_watch_counts_as_alive()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var clock = new ManualClock();
        ServiceWatchdog watchdog = Watchdog(notifier, new WorkerHeartbeats(0, clock), new FakeStatus("idle"), clock, TimeSpan.FromSeconds(30));
        watchdog.MarkReady();
        clock.Advance(TimeSpan.FromHours(1));
        watchdog.Check();
        systemd.Flush(notifier);
        Assert.Single(systemd.Of("WATCHDOG"));
    }

    [Fact]
    public async Task Running_on_the_real_clock_it_pings_every_half_WATCHDOG_USEC_until_a_worker_hangs_then_never_again()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        TimeSpan? timeout = ServiceWatchdogOptions.WatchdogTimeoutFrom("400000", null, Environment.ProcessId);
        // StallAfter well above a starved thread's pause on a loaded 2-core machine, so only the real hang counts.
        var options = new ServiceWatchdogOptions { WatchdogTimeout = timeout, StallAfter = TimeSpan.FromSeconds(1) };
        var heartbeats = new WorkerHeartbeats(1, TimeProvider.System);
        var clock = new RecordingClock();
        var watchdog = new ServiceWatchdog(notifier, heartbeats, new CountingStatus(), options, clock, NullLogger<ServiceWatchdog>.Instance);
        using var stop = new CancellationTokenSource();
        using var hang = new CancellationTokenSource();
        Task worker = Task.Run(() =>
        {
            while (!hang.IsCancellationRequested)
            {
                heartbeats.Beat(0);
                Thread.Sleep(10);
            }
        });
        Task running = watchdog.RunAsync(stop.Token);
        watchdog.MarkReady();

        systemd.WaitFor("READY", v => v == "1", Patience);
        systemd.WaitForCount("WATCHDOG", 6, Patience);

        // Half of WATCHDOG_USEC is 200 ms. Measured where the pings are sent (each check reads the clock once), as a
        // busy machine may deliver queued datagrams together. On a starved machine a timer that skips missed ticks
        // gives a long gap then one short catch-up gap, so single gaps say little; their mean stays near 200 ms (longer
        // when starved), while a watchdog ignoring WATCHDOG_USEC (e.g. on the 5 s status interval) or pinging in a
        // tight loop falls outside.
        DateTimeOffset[] checks = clock.Reads;
        double meanGapMs = (checks[^1] - checks[0]).TotalMilliseconds / (checks.Length - 1);
        Assert.InRange(meanGapMs, 100, 1500);
        Assert.Matches(@"^12\.3 MH/s · 57\.2 °C · duty 80 % · \d+ accepted · pool pool\.example\.org:3333$", systemd.Of("STATUS").Last().Value);

        TimeSpan hungAt = systemd.Now;
        hang.Cancel();
        await worker;
        systemd.WaitFor("STATUS", v => v.StartsWith("stalled: worker 0 made no progress", StringComparison.Ordinal), Patience, since: hungAt);
        systemd.Flush(notifier);
        int pingsWhenStalled = systemd.Of("WATCHDOG").Length;
        await Task.Delay(TimeSpan.FromSeconds(1));
        systemd.Flush(notifier);
        Assert.Equal(pingsWhenStalled, systemd.Of("WATCHDOG").Length);

        stop.Cancel();
        await running;
        systemd.WaitFor("STOPPING", v => v == "1", Patience);
    }

    private static ServiceWatchdog Watchdog(SystemdNotifier notifier, IWorkerProgressProbe probe, IServiceStatusSource status, TimeProvider clock, TimeSpan? watchdogTimeout) =>
        new(notifier, probe, status, new ServiceWatchdogOptions { WatchdogTimeout = watchdogTimeout, StallAfter = TimeSpan.FromSeconds(30) }, clock, NullLogger<ServiceWatchdog>.Instance);
}
