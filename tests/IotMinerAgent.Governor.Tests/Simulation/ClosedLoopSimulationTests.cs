using System.Collections.Generic;
using System.Linq;

namespace IotMinerAgent.Governor.Tests.Simulation;

/// <summary>The real governor driving the Pi 4 thermal model, one decision per simulated second, for an hour.</summary>
public sealed class ClosedLoopSimulationTests
{
    private const int Threads = 4;
    private const double TargetC = 70.0;
    private const double HardLimitC = 80.0;
    private const double BandC = 1.5;

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(120)]
    public void Holds_the_target_never_crosses_the_hard_limit_and_survives_an_ambient_rise(double timeConstantSeconds)
    {
        var model = new PiInCaseThermalModel(timeConstantSeconds, ambientC: 25);
        List<Sample> trace = Run(model, seconds: 3600, ambientStep: (1800, 35.0));

        Assert.All(trace, s => Assert.True(s.TemperatureC < HardLimitC, $"{s.TemperatureC:F2} °C at t={s.Second} s reached the hard limit"));
        AssertInBand(trace, from: 900, to: 1800);
        AssertInBand(trace, from: 2700, to: 3600);
        double peakAfterRise = trace.Where(s => s.Second >= 1800).Max(s => s.TemperatureC);
        Assert.True(peakAfterRise < TargetC + 4, $"the +10 °C ambient step peaked at {peakAfterRise:F2} °C");
    }

    [Fact]
    public void Settles_at_a_duty_that_explains_the_temperature()
    {
        // With the target at 70 °C in a 25 °C room the plant needs (70 − 40) / 35 ≈ 86 % load; at 35 °C ≈ 57 %.
        var model = new PiInCaseThermalModel(90, ambientC: 25);
        List<Sample> trace = Run(model, seconds: 3600, ambientStep: (1800, 35.0));

        Assert.InRange(trace.Where(s => s.Second is > 1200 and < 1800).Average(s => s.Load), 0.80, 0.92);
        Assert.InRange(trace.Where(s => s.Second > 3000).Average(s => s.Load), 0.51, 0.63);
    }

    [Fact]
    public void Runs_flat_out_below_the_target_when_the_room_is_cold()
    {
        // At 10 °C even full load only reaches 60 °C: the governor must not throttle for nothing.
        var model = new PiInCaseThermalModel(90, ambientC: 10);
        List<Sample> trace = Run(model, seconds: 1800, ambientStep: (int.MaxValue, 0));

        Assert.All(trace.Where(s => s.Second > 120), s => Assert.Equal(GovernorState.Mining, s.Decision.State));
        Assert.InRange(trace[^1].TemperatureC, 59, 61);
    }

    private static List<Sample> Run(PiInCaseThermalModel model, int seconds, (int Second, double AmbientC) ambientStep)
    {
        var policy = new GovernorPolicy { Threads = Threads, IdleOnly = false };
        var governor = new ThermalGovernor(policy);
        var trace = new List<Sample>(seconds);
        for (int second = 0; second < seconds; second++)
        {
            if (second == ambientStep.Second)
            {
                model.AmbientC = ambientStep.AmbientC;
            }

            var inputs = new GovernorInputs().WithTemperature(model.SensorMilliC());
            GovernorDecision decision = governor.Decide(inputs, second * 1000L);
            double load = decision.Threads * decision.DutyPercent / (100.0 * Threads);
            model.Advance(load, 1.0);
            trace.Add(new Sample(second, model.TemperatureC, load, decision));
        }

        return trace;
    }

    private static void AssertInBand(List<Sample> trace, int from, int to)
    {
        var window = trace.Where(s => s.Second >= from && s.Second < to).ToList();
        double min = window.Min(s => s.TemperatureC);
        double max = window.Max(s => s.TemperatureC);
        Assert.True(min >= TargetC - BandC && max <= TargetC + BandC,
            $"between {from} s and {to} s the temperature ranged {min:F2}..{max:F2} °C, outside {TargetC} ± {BandC} °C");
    }

    private sealed record Sample(int Second, double TemperatureC, double Load, GovernorDecision Decision);
}
