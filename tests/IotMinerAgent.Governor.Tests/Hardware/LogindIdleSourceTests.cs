using System;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Governor.Tests.Hardware;

public sealed class LogindIdleSourceTests
{
    private const string Show = "-p IdleHint -p IdleSinceHintMonotonic -p Type -p Class";
    private readonly ScriptedCommandRunner _runner = new();
    private readonly ManualTimeProvider _time = new();

    private LogindIdleSource Source() => new(_runner, _time);

    private void Session(string id, string type, string @class, bool idle, long sinceMicroseconds) =>
        _runner.On($"loginctl show-session {id} {Show}",
            $"IdleHint={(idle ? "yes" : "no")}\nIdleSinceHintMonotonic={sinceMicroseconds}\nType={type}\nClass={@class}\n");

    [Fact]
    public void Without_loginctl_the_source_is_skipped()
    {
        Assert.False(Source().TryRead(out _));
    }

    [Fact]
    public void Nobody_logged_in_is_idle_forever()
    {
        _runner.On("loginctl list-sessions --no-legend", "");

        Assert.True(Source().TryRead(out IdleReading reading));
        Assert.Equal(new IdleReading(true, TimeSpan.MaxValue), reading);
    }

    [Fact]
    public void An_active_desktop_session_makes_the_device_busy()
    {
        _runner.On("loginctl list-sessions --no-legend", "  2 1000 pi seat0 tty7\n c3 1000 pi - pts/0\n");
        Session("2", "x11", "user", idle: false, 0);
        Session("c3", "tty", "user", idle: true, 1);

        Assert.True(Source().TryRead(out IdleReading reading));
        Assert.False(reading.IsIdle);
        Assert.Equal("login session 2 is in use", reading.Detail);
    }

    [Fact]
    public void Idle_sessions_report_the_shortest_idle_time_on_the_monotonic_clock()
    {
        _time.Advance(TimeSpan.FromSeconds(1000));
        _runner.On("loginctl list-sessions --no-legend", "2 1000 pi seat0 tty7\n5 1001 ann - tty1\n");
        Session("2", "wayland", "user", idle: true, sinceMicroseconds: 400_000_000);
        Session("5", "tty", "user", idle: true, sinceMicroseconds: 700_000_000);

        Assert.True(Source().TryRead(out IdleReading reading));
        Assert.Equal(new IdleReading(true, TimeSpan.FromSeconds(300)), reading);
    }

    [Fact]
    public void Background_and_greeter_sessions_do_not_count()
    {
        _runner.On("loginctl list-sessions --no-legend", "c1 0 root - -\n7 113 lightdm seat0 tty7\n");
        Session("c1", "unspecified", "background", idle: false, 0);
        Session("7", "x11", "greeter", idle: false, 0);

        Assert.True(Source().TryRead(out IdleReading reading));
        Assert.True(reading.IsIdle);
    }
}
