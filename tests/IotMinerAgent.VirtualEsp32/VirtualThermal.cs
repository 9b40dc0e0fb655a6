using System;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>
/// A first-order thermal model of the die: dT/dt = (ambient + heat × load − T) / τ, where load is the share of time
/// the virtual core spent hashing since the last reading. Read through the ESP32 classic's raw scale (≈ °F) and the
/// firmware's default calibration, so the firmware's conversion is exercised too. With <see cref="HasSensor"/> false
/// it reads 0, as the ESP32-S2/S3/C3 do.
/// </summary>
public sealed class VirtualThermal : ITemperatureSensor
{
    readonly object _gate = new();
    readonly VirtualCpu _cpu;
    readonly VirtualClock _clock;
    double _celsius;
    double _lastBusy;
    long _lastMs;

    /// <summary>Creates the model at ambient temperature.</summary>
    public VirtualThermal(VirtualCpu cpu, VirtualClock clock, double ambientC, double heatAtFullLoadC, double tauSeconds)
    {
        _cpu = cpu;
        _clock = clock;
        AmbientC = ambientC;
        HeatAtFullLoadC = heatAtFullLoadC;
        TauSeconds = tauSeconds;
        _celsius = ambientC;
        _lastMs = clock.UptimeMs;
    }

    /// <summary>Ambient temperature, °C (tests raise it to heat the board).</summary>
    public double AmbientC { get; set; }

    /// <summary>Temperature rise above ambient at full load, °C.</summary>
    public double HeatAtFullLoadC { get; }

    /// <summary>Time constant, seconds.</summary>
    public double TauSeconds { get; }

    /// <summary>False: reads 0 like a chip without the sensor.</summary>
    public bool HasSensor { get; set; } = true;

    /// <summary>The die temperature now, °C.</summary>
    public double Celsius
    {
        get
        {
            lock (_gate)
            {
                Advance();
                return _celsius;
            }
        }
    }

    /// <inheritdoc />
    public int ReadRaw()
    {
        if (!HasSensor)
        {
            return 0;
        }

        double celsius = Celsius;

        // Inverse of the default calibration, °C = (raw − 32) × 5/9.
        return (int)Math.Round(celsius * 9 / 5 + 32);
    }

    void Advance()
    {
        long now = _clock.UptimeMs;
        double dt = (now - _lastMs) / 1000.0;
        if (dt <= 0)
        {
            return;
        }

        double busy = _cpu.BusySeconds;
        double load = Math.Clamp((busy - _lastBusy) / dt, 0, 1);
        double steady = AmbientC + HeatAtFullLoadC * load;
        _celsius = steady + (_celsius - steady) * Math.Exp(-dt / TauSeconds);
        _lastBusy = busy;
        _lastMs = now;
    }
}
