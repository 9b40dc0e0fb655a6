using System;
using IotMinerAgent.Linux.Gateway.Energy;

namespace IotMinerAgent.Linux.Tests.Gateway.Energy;

public sealed class KwhCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deltas_of_a_cumulative_counter_count_a_restart_from_zero_and_never_go_negative()
    {
        var counter = new KwhCounter(null, DateTimeOffset.MinValue);

        // By hand: 0.010 is the baseline (0); 0.013 − 0.010 = 0.003; 0.002 < 0.013 is a restart, so 0.002 used since;
        // 0.006 − 0.002 = 0.004. Counted: 0.003 + 0.002 + 0.004 = 0.009 kWh (the device's true use after the baseline,
        // minus what it used between 0.013 and the restart, which nobody reported).
        Assert.Equal(0, Advance(counter, 0.010, T0));
        Assert.Equal(0.003, Advance(counter, 0.013, T0.AddMinutes(10)), 12);
        Assert.Equal(0.002, Advance(counter, 0.002, T0.AddMinutes(20)), 12);
        Assert.Equal(0.004, Advance(counter, 0.006, T0.AddMinutes(30)), 12);
        Assert.Equal(0.006, counter.Last);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.001)]
    public void A_reading_that_is_not_a_finite_count_is_refused_and_changes_nothing(double hostile)
    {
        var counter = new KwhCounter(0.013, T0);

        Assert.Null(counter.Advance(hostile, T0.AddMinutes(1), out string? refusal));
        Assert.Contains("energy_kwh", refusal, StringComparison.Ordinal);

        // 0.014 − 0.013 = 0.001: the refused reading was not taken as the new baseline.
        Assert.Equal(0.001, Advance(counter, 0.014, T0.AddMinutes(2)), 12);
    }

    [Fact]
    public void A_jump_beyond_what_ten_kilowatts_could_use_is_refused_without_moving_the_baseline()
    {
        var counter = new KwhCounter(0.013, T0);

        // In one minute 10 kW use 10 × 1/60 = 0.1667 kWh. 1e9 kWh is far beyond: refused.
        Assert.Null(counter.Advance(1e9, T0.AddMinutes(1), out string? refusal));
        Assert.Contains("10 kW", refusal, StringComparison.Ordinal);

        // 0.173 − 0.013 = 0.160 kWh in a minute is under 0.1667: taken.
        Assert.Equal(0.160, Advance(counter, 0.173, T0.AddMinutes(1)), 12);

        // A reading a second later still gets a minute's bound (statuses lag): 0.173 + 0.1 = 0.273 is taken.
        Assert.Equal(0.1, Advance(counter, 0.273, T0.AddMinutes(1).AddSeconds(1)), 12);
    }

    [Fact]
    public void A_restored_counter_goes_on_from_its_stored_reading()
    {
        // The gateway restarted; its stored row says the device's counter was 0.5 kWh. The device says 0.52: 0.02 used.
        var counter = new KwhCounter(0.5, T0);

        Assert.Equal(0.02, Advance(counter, 0.52, T0.AddHours(1)), 12);
    }

    private static double Advance(KwhCounter counter, double reading, DateTimeOffset at)
    {
        double? used = counter.Advance(reading, at, out string? refusal);
        Assert.True(used.HasValue, refusal);
        return used.Value;
    }
}
