namespace IotMinerAgent.Governor.Tests.Simulation;

/// <summary>
/// A first-order thermal model of a Raspberry Pi 4 in a closed plastic case, no fan:
/// dT/dt = (ambient + idleRise + fullLoadRise × load − T) / τ.
/// Numbers: idle, the SoC sits about 15 °C above the room; all four cores hashing add about 35 °C more (the BCM2711
/// draws ≈ 2.7 W idle and ≈ 6.4 W under full load; ≈ 9.5 K/W from die to room through a closed case).
/// τ ≈ 90 s: stress tests of a cased Pi 4 show the SoC covering about two thirds of its rise within one to two
/// minutes, the die and heat spreader dominating before the case and board catch up; tests sweep 60–120 s.
/// The sensor reads in steps of 487 m°C like the BCM2711's (Linux bcm2711_thermal: slope −487 m°C per code).
/// </summary>
internal sealed class PiInCaseThermalModel(double timeConstantSeconds, double ambientC)
{
    public const double IdleRiseC = 15.0;
    public const double FullLoadRiseC = 35.0;
    private const int SensorStepMilliC = 487;

    public double TemperatureC { get; private set; } = ambientC + IdleRiseC;

    public double AmbientC { get; set; } = ambientC;

    /// <summary>Advances the model by <paramref name="seconds"/> at <paramref name="load"/> (0..1 of all cores).</summary>
    public void Advance(double load, double seconds)
    {
        double steady = AmbientC + IdleRiseC + (FullLoadRiseC * load);
        TemperatureC += (steady - TemperatureC) * (1 - System.Math.Exp(-seconds / timeConstantSeconds));
    }

    /// <summary>What the SoC's sensor would report, in milli-°C.</summary>
    public int SensorMilliC() => (int)System.Math.Round(TemperatureC * 1000 / SensorStepMilliC) * SensorStepMilliC;
}
