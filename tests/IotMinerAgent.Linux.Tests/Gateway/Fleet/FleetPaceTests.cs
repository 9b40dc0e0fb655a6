using System;
using System.Linq;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Tests.Stratum;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>
/// The fleet's pace (AIMD, aimed at the measured capacity once the fleet's size is known) on a clock moved by hand:
/// share interval 10 s, overload lag 1 s, so a window is overloaded above 1 s, calm at or below 0.25 s. Worked examples
/// computed by hand in the comments.
/// </summary>
public class FleetPaceTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    readonly ManualClock _clock = new(Start);
    readonly CapturingLogger _logger = new();
    readonly FleetPace _pace;

    public FleetPaceTests() => _pace = new FleetPace(new FleetOptions { ShareIntervalSeconds = 10, OverloadLagSeconds = 1 }, _clock, _logger);

    [Fact]
    public void Overload_halves_the_pace_then_waits_until_the_answered_shares_were_sent_after_the_cut()
    {
        // Window [0 s, 1 s): lags 2, 3, 0.5 → median 2 s > 1 s: cut to 0.5 when the window closes.
        ObserveAt(0.1, 2);
        ObserveAt(0.2, 3);
        ObserveAt(0.3, 0.5);
        Assert.Equal(1, _pace.Current);
        At(1);
        Assert.Equal(0.5, _pace.Current);
        Assert.Contains(_logger.AtLeast(LogLevel.Warning), m => m.Contains("Gateway overloaded") && m.Contains("50 %"));

        // Windows [1 s, 13 s): 2.5 s each, still overloaded, but the shares answered must have been sent after the cut
        // reached their devices (with their next share, within the 10 s interval): not before 1 + 10 + 2.5 = 13.5 s.
        for (int second = 1; second < 13; second++)
        {
            ObserveAt(second + 0.5, 2.5);
        }

        At(13);
        Assert.Equal(0.5, _pace.Current);

        // Window [13 s, 14 s): 2.5 s again, not falling: the second cut, to 0.25, when it closes at 14 s.
        ObserveAt(13.5, 2.5);
        At(14);
        Assert.Equal(0.25, _pace.Current);
        Assert.Equal(2, _pace.Cuts);
    }

    [Fact]
    public void A_falling_lag_means_the_last_cut_works_and_no_other_follows()
    {
        ObserveAt(0.5, 4);
        At(1);
        Assert.Equal(0.5, _pace.Current);

        // 1 + 10 + 4 = 15 s: from then on the answered shares were sent after the cut, and the lag is still above 1 s,
        // but falling (4 s, then 3.5 s, then 3 s).
        for (int second = 1; second < 14; second++)
        {
            ObserveAt(second + 0.5, 4);
        }

        ObserveAt(14.5, 3.5);
        At(15);
        Assert.Equal(0.5, _pace.Current);
        ObserveAt(15.5, 3);
        At(16);
        Assert.Equal(0.5, _pace.Current);
        Assert.Equal(1, _pace.Cuts);
    }

    [Fact]
    public void Calm_raises_the_pace_by_a_tenth_per_six_intervals_and_busy_holds_it()
    {
        ObserveAt(0.5, 2);
        At(1);
        Assert.Equal(0.5, _pace.Current);

        // From 1 s on no share is answered (calm): the first rise after 6 intervals of 10 s, at 61 s, to 0.6.
        At(60.9);
        Assert.Equal(0.5, _pace.Current);
        At(61);
        Assert.Equal(0.6, _pace.Current, 12);

        // Windows [61 s, 121 s) with a median of 0.25 s: still calm (a quarter of 1 s): 0.7 at 121 s.
        for (int second = 61; second < 121; second++)
        {
            ObserveAt(second + 0.5, 0.25);
        }

        At(121);
        Assert.Equal(0.7, _pace.Current, 12);

        // Busy (0.5 s: not overloaded, not calm) holds the pace and restarts the calm: the next rise 60 s after the busy
        // window, at 182 s, not at 181 s.
        ObserveAt(121.5, 0.5);
        At(181);
        Assert.Equal(0.7, _pace.Current, 12);
        At(182);
        Assert.Equal(0.8, _pace.Current, 12);

        // Quiet until 300 s: one step (0.9), however long the quiet; 1 after 60 s more, at 360 s, and no further.
        At(300);
        Assert.Equal(0.9, _pace.Current, 12);
        At(359);
        Assert.Equal(0.9, _pace.Current, 12);
        At(360);
        Assert.Equal(1, _pace.Current);
        At(1000);
        Assert.Equal(1, _pace.Current);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("caught up"));
    }

    [Fact]
    public void Below_a_tenth_the_pace_doubles_per_calm_period()
    {
        // Four cuts (1, 13, 25, 37 s with a lag of 2 s each second): 1/16 = 0.0625.
        for (int second = 0; second < 37; second++)
        {
            ObserveAt(second + 0.5, 2);
        }

        At(37);
        Assert.Equal(0.0625, _pace.Current);

        // Calm from 37 s: doubled at 97 s (0.0625 < 0.1), then a tenth more at 157 s: 0.225.
        At(97);
        Assert.Equal(0.125, _pace.Current, 12);
        At(156);
        Assert.Equal(0.125, _pace.Current, 12);
        At(157);
        Assert.Equal(0.225, _pace.Current, 12);
    }

    [Fact]
    public void The_pace_never_falls_below_one_sixty_fourth()
    {
        // A lag of 2 s every second: cuts at 1 s, then each 10 s + 2 s later (a window's end) (13, 25, 37, 49, 61 s): 1/2^6 = 1/64 at
        // 61 s; the cuts due at 73, 85 and 97 s would go below it and do not happen.
        for (int second = 0; second < 100; second++)
        {
            ObserveAt(second + 0.5, 2);
        }

        At(100);
        Assert.Equal(1.0 / 64, _pace.Current);
        Assert.Equal(6, _pace.Cuts);
    }

    [Fact]
    public void With_the_overload_lag_at_zero_the_pace_stays_one()
    {
        var off = new FleetPace(new FleetOptions { OverloadLagSeconds = 0 }, _clock, _logger);
        off.Observe(TimeSpan.FromSeconds(60));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(off.Enabled);
        Assert.Equal(1, off.Current);
        Assert.Equal(0, off.Cuts);
    }

    [Fact]
    public void Knowing_the_fleet_a_cut_aims_at_three_quarters_of_what_the_gateway_answered()
    {
        // 1000 devices, one share per 10 s each at pace 1: the fleet sends 100 shares/s. Window [0 s, 1 s): 60 shares
        // answered, 2 s median lag: the capacity is 60 shares/s, and the fleet is asked for 0.75 × 60 = 45 shares/s,
        // pace 45 / 100 = 0.45 (within the bounds of one cut, 0.25..0.8).
        _pace.ServeDevices(1000);
        ObserveManyAt(0.5, 60, 2);
        At(1);

        Assert.Equal(60, _pace.Capacity);
        Assert.Equal(0.45, _pace.Current, 12);
        Assert.Contains(_logger.AtLeast(LogLevel.Warning), m => m.Contains("it answered 60 shares/s") && m.Contains("45 %"));
    }

    [Theory]
    [InlineData(10, 0.25)] // aims at 0.075: no deeper than a quarter in one cut
    [InlineData(95, 0.7125)] // 0.75 × 95 / 100
    [InlineData(200, 0.8)] // aims above 1: at least a cut the devices' difficulty follows (a factor of 1.25)
    public void A_cut_stays_between_a_quarter_and_four_fifths(int answered, double pace)
    {
        _pace.ServeDevices(1000);
        ObserveManyAt(0.5, answered, 2);
        At(1);

        Assert.Equal(pace, _pace.Current, 12);
    }

    [Fact]
    public void Once_the_backlog_is_gone_the_pace_returns_to_nine_tenths_of_the_capacity_then_probes()
    {
        _pace.ServeDevices(1000);
        ObserveManyAt(0.5, 60, 2);
        At(1);
        Assert.Equal(0.45, _pace.Current, 12);

        // Calm from 1 s on (nothing answered): after one share interval, at 11 s, the pace the fleet sends 0.9 × 60 =
        // 54 shares/s at: 0.54.
        At(10.9);
        Assert.Equal(0.45, _pace.Current, 12);
        At(11);
        Assert.Equal(0.54, _pace.Current, 12);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("caught up on its backlog") && e.Message.Contains("about 54 shares/s"));

        // Then the usual probing: a tenth more after 6 calm intervals since that change, at 71 s.
        At(70.9);
        Assert.Equal(0.54, _pace.Current, 12);
        At(71);
        Assert.Equal(0.64, _pace.Current, 12);
    }

    [Fact]
    public void The_capacity_is_the_mean_of_the_overload_and_the_return_stays_below_the_pace_that_overloaded()
    {
        // 100 devices: 10 shares/s at pace 1. Window [0 s, 1 s): 30 answered, 2 s: a cut aimed above 1, so the mildest,
        // to 0.8. Window [1 s, 2 s): 10 answered, 2 s: the capacity is the mean of the two, 20 shares/s (no cut: the
        // shares answered were sent before the first one reached the devices).
        _pace.ServeDevices(100);
        ObserveManyAt(0.5, 30, 2);
        At(1);
        Assert.Equal(0.8, _pace.Current, 12);
        ObserveManyAt(1.5, 10, 2);
        At(2);
        Assert.Equal(20, _pace.Capacity);
        Assert.Equal(0.8, _pace.Current, 12);

        // Calm from 2 s: 0.9 × 20 shares/s would be pace 1.8, but pace 1 overloaded the gateway: the return is capped at
        // 0.8 × 1, which it already has. It rises only by probing, 6 intervals after the calm began: 0.9 at 62 s.
        At(61.9);
        Assert.Equal(0.8, _pace.Current, 12);
        At(62);
        Assert.Equal(0.9, _pace.Current, 12);
    }

    [Fact]
    public void A_window_in_which_answers_stalled_does_not_pass_for_the_capacity()
    {
        // Three busy windows (0.5 s: neither calm nor overloaded) with 80 answers each, then one overloaded window with
        // only 10: the gateway has just shown it answers 80 shares/s (the median of the last windows, 80), so the cut aims
        // at 0.75 × 80 = 60 shares/s, pace 0.6, not at 7.5 shares/s (which would be the deepest cut, 0.25).
        _pace.ServeDevices(1000);
        for (int second = 0; second < 3; second++)
        {
            ObserveManyAt(second + 0.5, 80, 0.5);
        }

        ObserveManyAt(3.5, 10, 2);
        At(4);

        Assert.Equal(80, _pace.Capacity);
        Assert.Equal(0.6, _pace.Current, 12);
    }

    void ObserveManyAt(double second, int shares, double lagSeconds)
    {
        At(second);
        for (int i = 0; i < shares; i++)
        {
            _pace.Observe(TimeSpan.FromSeconds(lagSeconds));
        }
    }

    void ObserveAt(double second, double lagSeconds)
    {
        At(second);
        _pace.Observe(TimeSpan.FromSeconds(lagSeconds));
    }

    void At(double second)
    {
        DateTimeOffset at = Start.AddSeconds(second);
        Assert.True(at >= _clock.GetUtcNow(), "the clock only moves forward");
        _clock.Advance(at - _clock.GetUtcNow());
        _ = _pace.Current;
    }
}
