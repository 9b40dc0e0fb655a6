using System;
using System.IO;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Energy;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Energy;

/// <summary>The energy ledger against a real SQLite file on a fake clock: hourly writes, midnight, restart, retention.</summary>
public sealed class EnergyLedgerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iotminer-ledger-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 9, 0, 30, TimeSpan.Zero));

    public EnergyLedgerTests() => _time.SetLocalTimeZone(TimeZoneInfo.Utc);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_row_is_written_once_per_hour_and_a_clean_stop_writes_the_rest()
    {
        using EnergyLedgerStore store = EnergyLedgerStore.Open(_dir);
        var ledger = new EnergyLedger(store, "pi", _time);
        ledger.RestoreBudget(new EnergyGovernor(new EnergyPolicy()));

        // Sixty one-minute intervals of 0.0001 kWh from 09:01:30 to 10:00:30: only the one after 10:00 writes.
        for (int minute = 0; minute < 60; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            ledger.Add(new EnergyInterval(0.0001, 1, null, 0.0001 * 0.41, null));
        }

        Assert.Equal(1, ledger.Writes);
        EnergyDay written = Assert.Single(store.Days("pi", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10)));
        Assert.Equal(0.006, written.KilowattHours, 9); // 60 × 0.0001 kWh
        Assert.Equal(60, written.SharesAccepted);
        Assert.Equal(0.00246, written.EnergyCost!.Value, 9); // 0.006 kWh × 0.41 €/kWh
        Assert.Null(written.ExpectedCoins); // never known: not invented as 0
        Assert.Null(written.Net);

        _time.Advance(TimeSpan.FromMinutes(1));
        ledger.Add(new EnergyInterval(0.0001, 0, null, null, null));
        Assert.Equal(1, ledger.Writes); // still 10:01, same hour
        ledger.Flush();
        Assert.Equal(2, ledger.Writes);
        Assert.Equal(0.0061, Assert.Single(store.Days("pi", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10))).KilowattHours, 9);
    }

    [Fact]
    public void Midnight_closes_the_day_and_starts_a_new_row()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 59, 30, TimeSpan.Zero));
        using EnergyLedgerStore store = EnergyLedgerStore.Open(_dir);
        var ledger = new EnergyLedger(store, "pi", _time);
        ledger.Add(new EnergyInterval(0.002, 3, 1e-9, 0.001, 0.0));
        _time.Advance(TimeSpan.FromMinutes(1)); // 00:00:30 on the 11th
        ledger.Add(new EnergyInterval(0.001, 1, 1e-9, 0.0005, 0.0));
        ledger.Flush();

        var rows = store.Days("pi", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11));
        Assert.Equal(2, rows.Count);
        Assert.Equal((new DateOnly(2026, 3, 11), 0.001), (rows[0].Day, rows[0].KilowattHours));
        Assert.Equal((new DateOnly(2026, 3, 10), 0.002), (rows[1].Day, rows[1].KilowattHours));
        Assert.Equal(-0.001, rows[1].Net!.Value, 12); // earned 0 − cost 0.001
    }

    [Fact]
    public void A_restart_restores_todays_and_this_months_energy_into_the_budget()
    {
        // An earlier day this month (0.5 kWh on the 2nd) and today so far (0.012 kWh) were written by the last run.
        using (EnergyLedgerStore store = EnergyLedgerStore.Open(_dir))
        {
            store.Write(new EnergyDay("pi", new DateOnly(2026, 3, 2), 0.5, 10, null, null, null));
            store.Write(new EnergyDay("pi", new DateOnly(2026, 2, 27), 9, 10, null, null, null)); // last month: not counted
            store.Write(new EnergyDay("pi", new DateOnly(2026, 3, 10), 0.012, 4, null, null, null));
        }

        using EnergyLedgerStore reopened = EnergyLedgerStore.Open(_dir);
        var ledger = new EnergyLedger(reopened, "pi", _time);
        var governor = new EnergyGovernor(BudgetPolicy());
        ledger.RestoreBudget(governor);

        // 0.012 kWh = 12 Wh = 12 × 3600 J = 43 200 J = 4.32e10 µJ; the month adds 0.5 kWh = 1.8e12 µJ.
        Assert.Equal(43_200_000_000L, governor.TodayMicroJ);
        Assert.Equal(1_843_200_000_000L, governor.MonthMicroJ);

        // The budget acts on it: 0.012 kWh/day is already spent, so the first decision of the day pauses.
        var inputs = new GovernorInputs();
        inputs.WithLocalTime(2026, 3, 10, 9 * 3600);
        EnergyVerdict verdict = governor.Decide(inputs, 0, 100000, 1000000);
        Assert.Equal(0, verdict.CapPpm);
        Assert.Contains("spent", verdict.Detail);

        // Today's row goes on from 0.012 kWh rather than starting again.
        ledger.Add(new EnergyInterval(0.001, 1, null, null, null));
        Assert.Equal(0.013, ledger.RecentDays(1)[0].KilowattHours, 9);
        Assert.Equal(5, ledger.RecentDays(1)[0].SharesAccepted);
    }

    [Fact]
    public void The_total_sums_every_kept_day_from_memory_across_midnight_reading_the_file_only_at_start()
    {
        using (EnergyLedgerStore store = EnergyLedgerStore.Open(_dir))
        {
            store.Write(new EnergyDay("pi", new DateOnly(2026, 2, 27), 9, 3, 1e-8, null, null));
            store.Write(new EnergyDay("pi", new DateOnly(2026, 3, 2), 0.5, 10, null, 0.2, null));
            store.Write(new EnergyDay("pi", new DateOnly(2026, 3, 10), 0.012, 4, null, 0.005, null));
        }

        using EnergyLedgerStore reopened = EnergyLedgerStore.Open(_dir);
        var ledger = new EnergyLedger(reopened, "pi", _time);
        ledger.RestoreBudget(new EnergyGovernor(new EnergyPolicy()));
        int reads = reopened.Reads;

        // 9 + 0.5 + 0.012 = 9.512 kWh; cost 0.2 + 0.005 = 0.205 (February's unknown cost adds nothing); coins 1e-8.
        EnergyTotal start = ledger.Total();
        Assert.Equal((3, 9.512, 17L), (start.Days, Math.Round(start.KilowattHours, 9), start.SharesAccepted));
        Assert.Equal(0.205, start.EnergyCost!.Value, 12);
        Assert.Equal(1e-8, start.ExpectedCoins!.Value, 15);
        Assert.Null(start.Earned);

        // Today goes on: + 0.001 kWh costing 0.0004 → 9.513 kWh, 0.2054.
        _time.Advance(TimeSpan.FromMinutes(1));
        ledger.Add(new EnergyInterval(0.001, 0, null, 0.0004, null));
        Assert.Equal(0.2054, ledger.Total().EnergyCost!.Value, 12);

        // After midnight the 10th joins the earlier days and the 11th starts: + 0.002 kWh costing 0.001 → 9.515 kWh,
        // 0.2064, four days.
        _time.Advance(TimeSpan.FromHours(15));
        ledger.Add(new EnergyInterval(0.002, 1, null, 0.001, null));
        EnergyTotal next = ledger.Total();
        Assert.Equal((4, 9.515, 18L), (next.Days, Math.Round(next.KilowattHours, 9), next.SharesAccepted));
        Assert.Equal(0.2064, next.EnergyCost!.Value, 12);

        // None of it read the file again.
        Assert.Equal(reads, reopened.Reads);
    }

    [Fact]
    public void Rows_older_than_the_retention_are_removed()
    {
        using EnergyLedgerStore store = EnergyLedgerStore.Open(_dir);
        var today = new DateOnly(2026, 3, 10);
        store.Write(new EnergyDay("pi", today.AddDays(-EnergyLedgerStore.RetentionDays), 1, 0, null, null, null)); // 400 days back: goes
        store.Write(new EnergyDay("pi", today.AddDays(-EnergyLedgerStore.RetentionDays + 1), 1, 0, null, null, null)); // 399 days back: stays
        store.Write(new EnergyDay("pi", today, 1, 0, null, null, null));
        Assert.Equal(2, store.Days("pi", DateOnly.MinValue, today).Count);
    }

    private static EnergyPolicy BudgetPolicy() => new()
    {
        Mode = EnergyMode.Budget,
        BoardMilliW = 4000,
        IdleMilliW = 1000,
        DailyBudgetMilliWh = 12000, // 0.012 kWh
        MinSwitchSeconds = 0,
    };
}
