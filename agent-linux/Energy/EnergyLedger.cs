using System;
using System.Collections.Generic;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// Keeps today's ledger row in memory and writes it to the <see cref="EnergyLedgerStore"/> at most once per clock
/// hour (when an interval arrives in a new hour, so also at local midnight for the day that ended) and at
/// <see cref="Flush"/> (a clean stop). At start, <see cref="RestoreBudget"/> gives the energy rule the energy already
/// used today and this month, so a restart does not hand out the daily budget again, and reads the ledger's earlier
/// days once, so <see cref="Total"/> (what <c>/metrics</c> shows) never touches the disk.
/// </summary>
/// <param name="store">The SQLite file.</param>
/// <param name="device">The device id the rows belong to.</param>
/// <param name="time">The clock (its local time zone decides the day).</param>
public sealed class EnergyLedger(EnergyLedgerStore store, string device, TimeProvider time) : IEnergyLedgerSource
{
    /// <summary>Microjoules in one kWh: 3.6 × 10^6 J × 10^6.</summary>
    public const double MicroJoulePerKilowattHour = 3.6e12;

    private readonly object _gate = new();
    private EnergyDay? _today;
    private EnergyTotal _before = EnergyTotal.None;
    private DateTimeOffset _writtenHour = DateTimeOffset.MinValue;
    private bool _unwritten;

    /// <summary>How many times a row was written (for the owner's wear figures and tests).</summary>
    public int Writes { get; private set; }

    /// <summary>
    /// Reads the kept rows (it goes on counting from today's), adds today's and this month's energy to
    /// <paramref name="governor"/>'s daily and monthly count, and keeps the earlier days' sum for <see cref="Total"/>.
    /// </summary>
    public void RestoreBudget(EnergyGovernor governor)
    {
        DateTimeOffset now = time.GetLocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        double month = 0;
        lock (_gate)
        {
            var before = new List<EnergyDay>();
            foreach (EnergyDay day in store.Days(device, today.AddDays(1 - EnergyLedgerStore.RetentionDays), today))
            {
                month += day.Day >= firstOfMonth ? day.KilowattHours : 0;
                if (day.Day == today)
                {
                    _today = day;
                }
                else
                {
                    before.Add(day);
                }
            }

            _before = EnergyTotal.Of(before);

            _writtenHour = Hour(now);
        }

        governor.Restore(today.Year, today.Month, today.Day, MicroJ(_today?.KilowattHours ?? 0), MicroJ(month));
    }

    /// <summary>Adds an interval that ended now; writes the row when this is the first interval of a new hour.</summary>
    public void Add(EnergyInterval interval)
    {
        DateTimeOffset now = time.GetLocalNow();
        var date = DateOnly.FromDateTime(now.DateTime);
        lock (_gate)
        {
            if (_today is not null && _today.Day != date)
            {
                // The interval ended after midnight: the day that ended is written once more, final.
                Write();
                _before = _before.Plus(_today);
                _today = null;
                _writtenHour = Hour(now);
            }

            _today = (_today ?? new EnergyDay(device, date, 0, 0, null, null, null)).Add(interval);
            _unwritten = true;
            if (Hour(now) != _writtenHour)
            {
                Write();
                _writtenHour = Hour(now);
            }
        }
    }

    /// <summary>Writes what is not written yet (a clean stop).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            Write();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<EnergyDay> RecentDays(int days)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        lock (_gate)
        {
            var rows = new List<EnergyDay>(store.Days(device, today.AddDays(1 - Math.Max(1, days)), today));
            if (_today is not null && _today.Day == today)
            {
                rows.RemoveAll(row => row.Day == today);
                rows.Insert(0, _today);
            }

            return rows;
        }
    }

    /// <inheritdoc />
    public DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <inheritdoc />
    public EnergyTotal Total()
    {
        lock (_gate)
        {
            return _today is null ? _before : _before.Plus(_today);
        }
    }

    private void Write()
    {
        if (_today is null || !_unwritten)
        {
            return;
        }

        store.Write(_today);
        _unwritten = false;
        Writes++;
    }

    /// <summary>The start of the clock hour of <paramref name="local"/>: what "a row at most once per clock hour" counts in.</summary>
    internal static DateTimeOffset Hour(DateTimeOffset local) => new(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);

    private static long MicroJ(double kilowattHours) => (long)Math.Round(kilowattHours * MicroJoulePerKilowattHour);
}
