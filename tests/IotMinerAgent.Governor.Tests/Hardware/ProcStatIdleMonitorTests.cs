using System;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Governor.Tests.Hardware;

public sealed class ProcStatIdleMonitorTests : IDisposable
{
    // Two cores at USER_HZ 100: 200 ticks of capacity per second, as on this kind of board.
    private const int CapacityPerSecond = 200;

    private readonly TemporaryTree _proc = new();
    private readonly ManualTimeProvider _time = new();
    private long _user = 5000, _system = 1000, _idle = 90000, _iowait = 300, _irq = 10, _softirq = 40, _steal = 0;
    private long _ownUser = 100, _ownSystem = 20;

    public ProcStatIdleMonitorTests() => WriteProc();

    public void Dispose() => _proc.Dispose();

    private ProcStatIdleMonitor Monitor(int windowMs = 2000) => new(
        new ProcStatIdleSettings { BusyCpuPercent = 20, IdleCpuPercent = 10, Window = TimeSpan.FromMilliseconds(windowMs), ProcRoot = _proc.Root },
        _time);

    // Spends <paramref name="ms"/> with the agent using ownPercent and other processes othersPercent of all cores.
    private void Spend(int ms, int ownPercent, int othersPercent, int stealPercent = 0)
    {
        long capacity = CapacityPerSecond * ms / 1000;
        long own = capacity * ownPercent / 100;
        long others = capacity * othersPercent / 100;
        long steal = capacity * stealPercent / 100;
        _ownUser += own * 9 / 10;
        _ownSystem += own - (own * 9 / 10);
        _user += own * 9 / 10 + others / 2;
        _system += own - (own * 9 / 10) + others / 4;
        _softirq += others - (others / 2) - (others / 4);
        _steal += steal;
        _idle += capacity - own - others - steal;
        _time.AdvanceMilliseconds(ms);
        WriteProc();
    }

    private void WriteProc()
    {
        _proc.Write("stat",
            $"cpu  {_user} 0 {_system} {_idle} {_iowait} {_irq} {_softirq} {_steal} 0 0\n" +
            "cpu0 1 0 1 1 0 0 0 0 0 0\nintr 12345\nctxt 999\n");
        _proc.Write("self/stat",
            $"4242 (iotminer (agent)) S 1 4242 4242 0 -1 4194560 2000 0 0 0 {_ownUser} {_ownSystem} 0 0 20 0 12 0 5000 1000000 3000 " +
            "18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n");
    }

    private static IdleReading ReadKnown(ProcStatIdleMonitor monitor)
    {
        Assert.True(monitor.TryRead(out IdleReading reading));
        return reading;
    }

    [Fact]
    public void The_first_sample_cannot_tell_yet()
    {
        Assert.False(Monitor().TryRead(out _));
    }

    [Fact]
    public void The_agents_own_full_load_does_not_make_the_device_busy()
    {
        ProcStatIdleMonitor monitor = Monitor();
        monitor.TryRead(out _);
        Spend(1000, ownPercent: 97, othersPercent: 2);

        IdleReading reading = ReadKnown(monitor);

        Assert.True(reading.IsIdle);
        Assert.InRange(monitor.OthersCpuPercent, 1.5, 2.5);
        Assert.InRange(monitor.OwnCpuPercent, 96.5, 97.5);
    }

    [Fact]
    public void Another_process_using_a_core_makes_it_busy_even_while_the_agent_hashes()
    {
        ProcStatIdleMonitor monitor = Monitor();
        monitor.TryRead(out _);
        Spend(1000, ownPercent: 50, othersPercent: 50);

        IdleReading reading = ReadKnown(monitor);
        Assert.False(reading.IsIdle);
        Assert.Equal("other processes 50 % CPU", reading.Detail);
        Assert.InRange(monitor.OthersCpuPercent, 49.5, 50.5);
    }

    [Fact]
    public void Busy_ends_only_below_the_idle_threshold_and_idle_time_counts_from_then()
    {
        ProcStatIdleMonitor monitor = Monitor(windowMs: 1000);
        monitor.TryRead(out _);
        Spend(1000, 0, 60);
        Assert.False(ReadKnown(monitor).IsIdle);

        Spend(1000, 0, 15);
        Assert.False(ReadKnown(monitor).IsIdle);

        Spend(1000, 0, 5);
        Assert.Equal(new IdleReading(true, TimeSpan.Zero), ReadKnown(monitor));

        Spend(1000, 0, 15);
        Assert.Equal(new IdleReading(true, TimeSpan.FromSeconds(1)), ReadKnown(monitor));

        Spend(1000, 0, 25);
        Assert.False(ReadKnown(monitor).IsIdle);
    }

    [Fact]
    public void The_share_is_measured_over_the_sliding_window()
    {
        ProcStatIdleMonitor monitor = Monitor(windowMs: 2000);
        monitor.TryRead(out _);
        for (int i = 0; i < 4; i++)
        {
            Spend(500, 90, 2);
            monitor.TryRead(out _);
        }

        // A 500 ms burst of 100 % among 1.5 s of quiet is 25 % of the 2 s window: busy.
        Spend(500, 0, 100);
        Assert.False(ReadKnown(monitor).IsIdle);
        Assert.InRange(monitor.OthersCpuPercent, 25.5, 27);

        // Once the burst has left the window, the share falls back.
        for (int i = 0; i < 4; i++)
        {
            Spend(500, 90, 2);
            monitor.TryRead(out _);
        }

        Assert.True(ReadKnown(monitor).IsIdle);
        Assert.InRange(monitor.OthersCpuPercent, 1.5, 2.5);
    }

    [Fact]
    public void Hypervisor_steal_is_nobodys_use_of_this_device()
    {
        ProcStatIdleMonitor monitor = Monitor();
        monitor.TryRead(out _);
        Spend(1000, ownPercent: 40, othersPercent: 2, stealPercent: 50);

        Assert.True(ReadKnown(monitor).IsIdle);
    }

    [Fact]
    public void Missing_or_malformed_proc_files_are_not_readings()
    {
        ProcStatIdleMonitor monitor = Monitor();
        _proc.Write("stat", "intr 1 2 3\n");
        Assert.False(monitor.TryRead(out _));

        var elsewhere = new ProcStatIdleMonitor(new ProcStatIdleSettings { ProcRoot = _proc.PathOf("missing") }, _time);
        Assert.False(elsewhere.TryRead(out _));
    }
}
