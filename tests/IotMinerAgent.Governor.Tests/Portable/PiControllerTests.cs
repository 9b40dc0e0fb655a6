using CsCheck;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class PiControllerTests
{
    private const int Min = 100_000;
    private const int Max = 1_000_000;

    [Fact]
    public void Proportional_gain_is_per_mille_per_degree()
    {
        var controller = new PiController(proportionalGain: 40, integralGain: 0, Min, Max);
        controller.Reset(500_000);

        // 2.5 °C of room × 40 ‰/°C = 100 ‰ on top of the 50 % integral.
        Assert.Equal(600_000, controller.Update(2500, 1000));
        Assert.Equal(420_000, controller.Update(-2000, 1000));
    }

    [Fact]
    public void Integral_gain_is_per_mille_per_degree_per_minute_without_losing_remainders()
    {
        var controller = new PiController(proportionalGain: 0, integralGain: 30, Min, Max);
        controller.Reset(500_000);

        // 1 °C for one minute in 7 ms steps (8571 steps + 3 ms): 30 ‰ exactly, although one step is 3.5 ppm.
        int output = 0;
        for (int i = 0; i < 8571; i++)
        {
            output = controller.Update(1000, 7);
        }

        output = controller.Update(1000, 3);
        Assert.Equal(530_000, output);
    }

    [Fact]
    public void A_long_saturation_does_not_wind_the_integral_up()
    {
        var controller = new PiController(40, 30, Min, Max);
        for (int second = 0; second < 3600; second++)
        {
            Assert.Equal(Max, controller.Update(30_000, 1000));
        }

        // P = 30 °C × 40 ‰ = 1200 ‰; the integral stopped at max − P/2 = 400 ‰ instead of running past 100 %.
        Assert.Equal(400_000, controller.IntegralPpm);

        // The moment the device is 1 °C too warm, the output comes off the limit (a wound-up integral would hold
        // 100 % for minutes while the board overheats).
        Assert.True(controller.Update(-1000, 1000) < Max);
    }

    [Fact]
    public void Output_stays_pinned_at_the_maximum_across_sensor_steps_while_far_below_the_target()
    {
        var controller = new PiController(40, 30, Min, Max);
        int errorMilliC = 15_000;
        for (int second = 0; second < 600; second++)
        {
            controller.Update(errorMilliC, 1000);
        }

        // A 487 m°C sensor step (the BCM2711's resolution) must not knock a cold device off full duty.
        Assert.Equal(Max, controller.Update(errorMilliC - 487, 1000));
        Assert.Equal(Max, controller.Update(errorMilliC - 974, 1000));
    }

    [Fact]
    public void Does_not_integrate_while_the_actuator_lags_behind()
    {
        var controller = new PiController(0, 30, Min, Max);
        controller.Reset(Min);
        controller.Update(1000, 1000);
        int integral = controller.IntegralPpm;

        controller.Track(controller.Output - 1);
        controller.Update(1000, 60_000);

        Assert.Equal(integral, controller.IntegralPpm);
    }

    [Fact]
    public void Output_and_integral_always_stay_within_the_limits()
    {
        Gen.Select(Gen.Int[-60_000, 60_000].Array[1, 200], Gen.Int[0, 10_000])
            .Sample((errors, step) =>
            {
                var controller = new PiController(40, 30, Min, Max);
                foreach (int error in errors)
                {
                    int output = controller.Update(error, step);
                    Assert.InRange(output, Min, Max);
                    Assert.InRange(controller.IntegralPpm, Min, Max);
                }
            });
    }
}
