using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// One-minute averages of hash rate, temperature, duty and power for the last 24 hours, kept in memory for
/// <c>GET /api/v1/history</c> and the dashboard's charts. Bounded: <see cref="Capacity"/> minutes; the oldest go first.
/// Fed with every status sample (about once a second); a minute is closed when the first sample of a later minute
/// arrives. Thread-safe.
/// </summary>
/// <param name="time">The clock that dates the samples.</param>
/// <param name="power">The board's power draw in watts while mining, or null while it is not known.</param>
public sealed class StatusHistory(TimeProvider time, Func<AgentStatus, double?> power)
{
    /// <summary>Minutes kept: 24 h.</summary>
    public const int Capacity = 24 * 60;

    private readonly Queue<HistorySample> _minutes = new();
    private Bucket? _open;

    /// <summary>Adds one status sample.</summary>
    public void Add(AgentStatus status)
    {
        DateTimeOffset now = time.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        lock (_minutes)
        {
            if (_open is { } open && open.Minute != minute)
            {
                _minutes.Enqueue(open.Close());
                while (_minutes.Count > Capacity)
                {
                    _minutes.Dequeue();
                }

                _open = null;
            }

            _open ??= new Bucket(minute);
            _open.Add(status.HashrateHs, status.TemperatureC, status.DutyPercent, power(status));
        }
    }

    /// <summary>The closed minutes, oldest first.</summary>
    public IReadOnlyList<HistorySample> Samples()
    {
        lock (_minutes)
        {
            return [.. _minutes];
        }
    }

    /// <summary>The sums of one minute; an average of a reading counts only the samples that had it.</summary>
    private sealed class Bucket(DateTimeOffset minute)
    {
        private double _hashrate;
        private double _duty;
        private int _count;
        private double _temperature;
        private int _temperatureCount;
        private double _power;
        private int _powerCount;

        public DateTimeOffset Minute => minute;

        public void Add(double hashrate, double? temperature, double duty, double? watts)
        {
            _hashrate += Finite(hashrate);
            _duty += Finite(duty);
            _count++;
            if (temperature is double t && double.IsFinite(t))
            {
                _temperature += t;
                _temperatureCount++;
            }

            if (watts is double w && double.IsFinite(w))
            {
                _power += w;
                _powerCount++;
            }
        }

        public HistorySample Close() => new(
            minute,
            _hashrate / _count,
            _temperatureCount > 0 ? _temperature / _temperatureCount : null,
            _duty / _count,
            _powerCount > 0 ? _power / _powerCount : null);

        private static double Finite(double value) => double.IsFinite(value) ? value : 0;
    }
}

/// <summary>One minute of <see cref="StatusHistory"/>: averages of the samples taken in it.</summary>
/// <param name="Time">The minute's start (UTC).</param>
/// <param name="HashrateHs">Hash rate, H/s.</param>
/// <param name="TemperatureC">Temperature, °C; null without a sensor.</param>
/// <param name="DutyPercent">Duty, percent of full speed on all threads.</param>
/// <param name="PowerW">Board power while mining, W; null while it is not known.</param>
public sealed record HistorySample(DateTimeOffset Time, double HashrateHs, double? TemperatureC, double DutyPercent, double? PowerW);
