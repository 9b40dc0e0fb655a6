using System;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// Energy used since the agent started, integrated from the load and the board's power figures
/// (<see cref="PowerModel.WattsAt"/>: idle + load × (full − idle)) over each interval between samples. Unknown (null)
/// while the board's full-load power is unknown: a board not in the table and no <c>energy:boardWatts</c>.
/// </summary>
public sealed class EnergyMeter(PowerModel power)
{
    private readonly object _gate = new();
    private double _kilowattHours;

    /// <summary>kWh since start; null when the board's power is unknown.</summary>
    public double? KilowattHours
    {
        get
        {
            if (power.FullLoadWatts is null)
            {
                return null;
            }

            lock (_gate)
            {
                return _kilowattHours;
            }
        }
    }

    /// <summary>Adds <paramref name="elapsed"/> spent at <paramref name="loadPpm"/> of full load (0..1 000 000).</summary>
    public void Add(TimeSpan elapsed, int loadPpm)
    {
        if (elapsed <= TimeSpan.Zero || power.WattsAt(loadPpm) is not double watts)
        {
            return;
        }

        lock (_gate)
        {
            // W × h / 1000 = kWh.
            _kilowattHours += watts * elapsed.TotalHours / 1000;
        }
    }
}
