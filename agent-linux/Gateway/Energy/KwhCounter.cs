using System;
using System.Globalization;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// Turns one device's cumulative energy counter (the status field <c>energy_kwh</c>: kWh since the device started,
/// back at 0 after each restart) into the kWh used since the previous reading. A reading below the previous one is a
/// restart: the new reading is what was used since, and what was used between the previous reading and the restart is
/// not known, so it is not guessed. A reading that is not a finite number ≥ 0, or that would mean a draw above
/// <see cref="MaxKilowatts"/> since the previous one, is refused and changes nothing.
/// </summary>
public sealed class KwhCounter
{
    /// <summary>The highest draw believed, kW: the agent's own bound on a board's power (<see cref="EnergyOptions.MaxWatts"/>).</summary>
    public const double MaxKilowatts = EnergyOptions.MaxWatts / 1000;

    // A reading a second after the previous one may still carry a few seconds of energy (the device's status clock
    // and the broker's delivery both lag): the bound never applies to less than a minute.
    private static readonly TimeSpan ShortestSpan = TimeSpan.FromMinutes(1);

    private double? _last;
    private DateTimeOffset _lastAt;

    /// <summary>A counter that goes on from <paramref name="last"/> (read at <paramref name="lastAt"/>), or starts at the first reading when null.</summary>
    public KwhCounter(double? last, DateTimeOffset lastAt)
    {
        _last = last;
        _lastAt = lastAt;
    }

    /// <summary>The last reading taken; null before the first.</summary>
    public double? Last => _last;

    /// <summary>
    /// Takes <paramref name="reading"/> (received at <paramref name="at"/>): returns the kWh used since the previous
    /// reading (0 for the first), or null with <paramref name="refusal"/> saying why the reading was refused.
    /// </summary>
    public double? Advance(double reading, DateTimeOffset at, out string? refusal)
    {
        refusal = null;
        if (!double.IsFinite(reading) || reading < 0)
        {
            refusal = "energy_kwh is not a finite number of at least 0";
            return null;
        }

        if (_last is not double last)
        {
            Take(reading, at);
            return 0;
        }

        double used = reading >= last ? reading - last : reading;
        TimeSpan span = at - _lastAt < ShortestSpan ? ShortestSpan : at - _lastAt;
        if (used > MaxKilowatts * span.TotalHours)
        {
            refusal = string.Create(CultureInfo.InvariantCulture,
                $"energy_kwh went from {last} to {reading} kWh in {(at - _lastAt).TotalSeconds:0} s, more than {MaxKilowatts} kW could use");
            return null;
        }

        Take(reading, at);
        return used;
    }

    private void Take(double reading, DateTimeOffset at)
    {
        _last = reading;
        _lastAt = at;
    }
}
