using System;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>The gateway's lag, one second's median at a time; worked examples computed by hand.</summary>
public class OverloadSignalTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_closes_at_its_end_with_the_median_lag_of_its_shares()
    {
        var signal = new OverloadSignal(Start);
        signal.Add(0.4);
        signal.Add(0.1);
        signal.Add(0.2);

        Assert.False(signal.TryClose(Start.AddSeconds(0.999), out _));

        // Sorted 0.1, 0.2, 0.4: the middle one.
        Assert.True(signal.TryClose(Start.AddSeconds(1), out double? median));
        Assert.Equal(0.2, median);

        // Four lags 10, 1, 3, 2 → sorted 1, 2, 3, 10: the mean of the middle two, 2.5 (one slow share does not count).
        foreach (double lag in new[] { 10.0, 1, 3, 2 })
        {
            signal.Add(lag);
        }

        Assert.True(signal.TryClose(Start.AddSeconds(2), out median));
        Assert.Equal(2.5, median);
    }

    [Fact]
    public void A_window_without_shares_has_no_median_and_idle_windows_are_skipped()
    {
        var signal = new OverloadSignal(Start);

        Assert.True(signal.TryClose(Start.AddSeconds(3.5), out double? median));

        Assert.Null(median);
        Assert.Equal(Start.AddSeconds(3), signal.WindowStart);
        Assert.Equal(Start.AddSeconds(4), signal.WindowEnd);
    }

    [Fact]
    public void Only_the_first_lags_of_a_window_are_kept()
    {
        var signal = new OverloadSignal(Start);
        for (int i = 0; i < OverloadSignal.SamplesPerWindow; i++)
        {
            signal.Add(5);
        }

        // 600 more at 0 s would make the median 0 if they were kept; the first 512 say 5 s.
        for (int i = 0; i < 600; i++)
        {
            signal.Add(0);
        }

        // Every answer counts towards the window's throughput, sampled or not.
        Assert.Equal(OverloadSignal.SamplesPerWindow + 600, signal.Answered);

        Assert.True(signal.TryClose(Start.AddSeconds(1), out double? median));
        Assert.Equal(5, median);
        Assert.Equal(0, signal.Answered);
    }
}
