using System;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

public class SystemdNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public void Sends_each_notification_as_a_datagram_to_a_socket_path()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);

        Assert.True(notifier.IsEnabled);
        Assert.True(notifier.Notify("READY=1\nSTATUS=12.3 MH/s · 57.2 °C"));

        systemd.WaitFor("READY", v => v == "1", Patience);
        systemd.WaitFor("STATUS", v => v == "12.3 MH/s · 57.2 °C", Patience);
    }

    [Fact]
    public void Understands_an_abstract_namespace_socket_written_with_an_at_sign()
    {
        using NotifySocketListener systemd = NotifySocketListener.Abstract();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);

        Assert.StartsWith("@", systemd.NotifySocket);
        Assert.True(notifier.Notify("WATCHDOG=1"));
        systemd.WaitFor("WATCHDOG", v => v == "1", Patience);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Does_nothing_when_not_started_by_systemd(string? notifySocket)
    {
        using var notifier = new SystemdNotifier(notifySocket);
        Assert.False(notifier.IsEnabled);
        Assert.False(notifier.Notify("READY=1"));
    }

    [Fact]
    public void A_socket_nobody_listens_on_makes_notify_return_false_instead_of_throwing()
    {
        using var directory = new TempDirectory();
        using var notifier = new SystemdNotifier(directory.Combine("gone.sock"));
        Assert.True(notifier.IsEnabled);
        Assert.False(notifier.Notify("WATCHDOG=1"));
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("500000", null, 0.5)]
    [InlineData("30000000", "4242", 30.0)]
    public void Watchdog_timeout_comes_from_WATCHDOG_USEC(string usec, string? pid, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ServiceWatchdogOptions.WatchdogTimeoutFrom(usec, pid, 4242));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("30s", null)]
    [InlineData("30000000", "1")]
    [InlineData("30000000", "not-a-pid")]
    public void Watchdog_is_off_without_a_usable_WATCHDOG_USEC_or_when_WATCHDOG_PID_names_another_process(string? usec, string? pid)
    {
        Assert.Null(ServiceWatchdogOptions.WatchdogTimeoutFrom(usec, pid, 4242));
    }

    [Fact]
    public void The_check_period_is_half_the_watchdog_timeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), new ServiceWatchdogOptions { WatchdogTimeout = TimeSpan.FromSeconds(30) }.Period);
        Assert.Equal(TimeSpan.FromSeconds(7), new ServiceWatchdogOptions { StatusInterval = TimeSpan.FromSeconds(7) }.Period);
    }
}
