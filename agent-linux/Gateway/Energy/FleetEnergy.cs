using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// The gateway's fleet energy ledger at work: restores the book from the store at start, writes the due rows (checked
/// every <see cref="CheckEvery"/>; a row at most once per clock hour), removes rows of days older than
/// <c>gateway:ledger:retentionDays</c> once an hour, writes what is left at a clean stop, and reads the fleet's days.
/// </summary>
public sealed class FleetEnergy
{
    /// <summary>How often due rows are looked for (each row is still written at most once an hour).</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly IFleetEnergyStore _store;
    private readonly int _retentionDays;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _prunedHour = DateTimeOffset.MinValue;

    // The stored rows of the widest span read in this clock hour. /metrics reads every kept day at each scrape (every
    // few seconds) and the API a span of them; the store changes when this gateway writes or prunes (each bumps
    // _storeVersion, so a read that overlapped one is not kept) and by other gateways at most once an hour, whose rows
    // therefore show up to an hour later than without it. This gateway's own news comes from the book at every read.
    private StoredRows? _stored;
    private int _storeVersion;

    /// <summary>Keeps <paramref name="book"/> in <paramref name="store"/> for <paramref name="retentionDays"/> days.</summary>
    public FleetEnergy(IFleetEnergyStore store, FleetEnergyBook book, int retentionDays, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        _store = store;
        Book = book;
        _retentionDays = retentionDays;
        _time = time;
        _logger = logger;
    }

    /// <summary>The book the devices' statuses and credited shares go to.</summary>
    public FleetEnergyBook Book { get; }

    /// <summary>Reads this instance's rows of today and yesterday into the book, so counting goes on where it stopped.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        try
        {
            Book.Restore(await _store.ReadEnergyAsync(today.AddDays(-1), today, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogWarning("Fleet energy ledger not read at start ({Problem}): each device's counting starts again at its next status", error.Message);
        }
    }

    /// <summary>Writes due rows until cancelled, then what is left.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, _time);
        try
        {
            do
            {
                await WriteAsync(Book.TakeDue(), cancellationToken).ConfigureAwait(false);
                await PruneAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await WriteAsync(Book.TakeUnwritten(), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The last <paramref name="days"/> local days: stored rows with this gateway's unwritten news over them, per device and in total.</summary>
    public async Task<FleetEnergyReport> ReadAsync(int days, string coin, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        DateOnly from = today.AddDays(1 - Math.Max(1, days));
        IReadOnlyList<FleetEnergyRow> stored = await StoredAsync(from, today, cancellationToken).ConfigureAwait(false);
        var rows = stored.ToDictionary(row => (row.Day.Device, row.Day.Day, row.Instance));
        foreach (FleetEnergyRow row in Book.Snapshot())
        {
            if (row.Day.Day >= from && row.Day.Day <= today)
            {
                rows[(row.Day.Device, row.Day.Day, row.Instance)] = row;
            }
        }

        IReadOnlyList<Linux.Energy.EnergyDay> devices = FleetEnergyTotals.Devices(rows.Values);
        return new FleetEnergyReport(Book.Prices.Currency, coin, devices, FleetEnergyTotals.Fleet(devices));
    }

    private async Task<IReadOnlyList<FleetEnergyRow>> StoredAsync(DateOnly from, DateOnly today, CancellationToken cancellationToken)
    {
        DateTimeOffset hour = Linux.Energy.EnergyLedger.Hour(_time.GetLocalNow());
        if (Volatile.Read(ref _stored) is { } kept && kept.Hour == hour && kept.Version == Volatile.Read(ref _storeVersion) && kept.To == today && kept.From <= from)
        {
            return kept.From == from ? kept.Rows : kept.Rows.Where(row => row.Day.Day >= from).ToList();
        }

        int version = Volatile.Read(ref _storeVersion);
        IReadOnlyList<FleetEnergyRow> rows = await _store.ReadEnergyAsync(from, today, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _stored, new StoredRows(from, today, hour, version, rows));
        return rows;
    }

    private async Task WriteAsync(IReadOnlyList<FleetEnergyRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await _store.WriteEnergyAsync(rows, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _storeVersion);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Book.Return(rows);
            _logger.LogWarning("Fleet energy ledger not written ({Problem}); its {Rows} rows are kept in memory and tried again", error.Message, rows.Count);
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetLocalNow();
        DateTimeOffset hour = Linux.Energy.EnergyLedger.Hour(now);
        if (hour == _prunedHour)
        {
            return;
        }

        _prunedHour = hour;
        DateOnly oldestKept = DateOnly.FromDateTime(now.DateTime).AddDays(-_retentionDays);
        try
        {
            int pruned = await _store.PruneEnergyAsync(oldestKept, cancellationToken).ConfigureAwait(false);
            if (pruned > 0)
            {
                Interlocked.Increment(ref _storeVersion);
                _logger.LogInformation("Fleet energy ledger: {Rows} rows of days before {Day} removed (gateway:ledger:retentionDays = {Days})", pruned, oldestKept, _retentionDays);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogWarning("Pruning the fleet energy ledger failed, next try in an hour: {Problem}", error.Message);
        }
    }

    private sealed record StoredRows(DateOnly From, DateOnly To, DateTimeOffset Hour, int Version, IReadOnlyList<FleetEnergyRow> Rows);
}
