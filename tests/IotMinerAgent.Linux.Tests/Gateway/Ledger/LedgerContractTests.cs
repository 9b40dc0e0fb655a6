using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

/// <summary>What every <see cref="IDeviceLedger"/> must do, run against each real database.</summary>
public abstract class LedgerContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty ledger.</summary>
    protected abstract Task<IDeviceLedger> OpenAsync();

    /// <summary>The share log's row for a key.</summary>
    protected abstract Task<LedgerShare?> FindAsync(IDeviceLedger ledger, string deviceId, uint jobId, uint nonce);

    [Fact]
    public async Task Fleet_energy_rows_are_replaced_in_place_per_device_day_and_instance_and_pruned_by_day()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        var store = (IFleetEnergyStore)ledger;
        var day = new DateOnly(2026, 12, 7);
        await store.WriteEnergyAsync([
            new FleetEnergyRow(1, new EnergyDay("esp-a", day, 0.1, 1, 0.5, 0.025, 1.0), 0.4),
            new FleetEnergyRow(2, new EnergyDay("esp-a", day, 0.1, 2, null, null, null), null),
            new FleetEnergyRow(1, new EnergyDay("esp-b", day.AddDays(-40), 0.3, 0, 0, 0.075, 0), 0.3),
        ], default);

        // The same key again: replaced, not added (the hourly write of a growing day).
        await store.WriteEnergyAsync([new FleetEnergyRow(1, new EnergyDay("esp-a", day, 0.25, 3, 1.5, 0.0625, 3.0), 0.55)], default);

        var rows = await store.ReadEnergyAsync(day.AddDays(-1), day, default);
        Assert.Equal(
            [new FleetEnergyRow(1, new EnergyDay("esp-a", day, 0.25, 3, 1.5, 0.0625, 3.0), 0.55), new FleetEnergyRow(2, new EnergyDay("esp-a", day, 0.1, 2, null, null, null), null)],
            rows);
        Assert.Equal(3, (await store.ReadEnergyAsync(day.AddDays(-40), day, default)).Count);

        // Retention of 30 days: rows of days before 2026-11-07 go.
        Assert.Equal(1, await store.PruneEnergyAsync(day.AddDays(-30), default));
        Assert.Equal(2, (await store.ReadEnergyAsync(day.AddDays(-400), day, default)).Count);
    }

    [Fact]
    public async Task Totals_count_credited_shares_their_difficulty_rejects_and_blocks()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        await Task.WhenAll(
            ledger.RecordAsync(new LedgerShare("esp-a", 1, 10, DeviceVerdictCode.Accepted, 0.25, T0), default),
            ledger.RecordAsync(new LedgerShare("esp-a", 1, 11, DeviceVerdictCode.Accepted, 0.5, T0.AddSeconds(1)), default),
            ledger.RecordAsync(new LedgerShare("esp-a", 2, 12, DeviceVerdictCode.BlockFound, 1, T0.AddSeconds(3)), default),
            ledger.RecordAsync(new LedgerShare("esp-a", 2, 13, DeviceVerdictCode.RejectedLowDifficulty, 1, T0.AddSeconds(2)), default),
            ledger.RecordAsync(new LedgerShare("esp-a", 9, 14, DeviceVerdictCode.RejectedUnknownJob, 0, T0), default),
            ledger.RecordAsync(new LedgerShare("esp-b", 3, 15, DeviceVerdictCode.RejectedRateLimited, 0, T0.AddSeconds(9)), default));

        DeviceTotals? a = await ledger.GetTotalsAsync("esp-a", default);

        Assert.Equal(new DeviceTotals("esp-a", 3, 1.75, 2, 1, T0.AddSeconds(3)), a);
        Assert.Null(await ledger.GetTotalsAsync("esp-z", default));
        Assert.Equal(["esp-a", "esp-b"], (await ledger.ListDevicesAsync(default)).Select(t => t.DeviceId));
        Assert.Equal(new DeviceTotals("esp-b", 0, 0, 1, 0, T0.AddSeconds(9)), (await ledger.ListDevicesAsync(default))[1]);
    }

    [Fact]
    public async Task A_repeated_key_keeps_its_first_crediting_verdict_in_the_log_and_counts_every_verdict_in_the_totals()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.RejectedRateLimited, 0, T0), default);
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.Accepted, 0.5, T0.AddSeconds(1)), default);
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.RejectedDuplicate, 0.5, T0.AddSeconds(2)), default);

        LedgerShare? row = await FindAsync(ledger, "esp-a", 7, 70);

        Assert.Equal(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.Accepted, 0.5, T0.AddSeconds(1)), row);
        Assert.Equal(new DeviceTotals("esp-a", 1, 0.5, 2, 0, T0.AddSeconds(2)), await ledger.GetTotalsAsync("esp-a", default));
        Assert.Null(await FindAsync(ledger, "esp-a", 7, 71));
    }

    [Fact]
    public async Task Thousands_of_concurrent_records_are_all_committed_by_group_commit()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        const int Count = 3000;

        await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            Task.Run(() => ledger.RecordAsync(new LedgerShare($"esp-{i % 10}", (uint)i, uint.MaxValue - (uint)i, DeviceVerdictCode.Accepted, 0.001, T0), CancellationToken.None))));

        var devices = await ledger.ListDevicesAsync(default);
        Assert.Equal(10, devices.Count);
        Assert.All(devices, d => Assert.Equal(Count / 10, d.Shares));
        Assert.Equal(Count * 0.001, devices.Sum(d => d.DifficultySum), 6);
        Assert.NotNull(await FindAsync(ledger, "esp-3", 2993, uint.MaxValue - 2993));
    }

    [Fact]
    public async Task Job_ids_and_nonces_keep_all_32_bits()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        await ledger.RecordAsync(new LedgerShare("esp-a", uint.MaxValue, uint.MaxValue, DeviceVerdictCode.Accepted, 1e-9, T0), default);

        Assert.Equal(1e-9, (await FindAsync(ledger, "esp-a", uint.MaxValue, uint.MaxValue))!.Difficulty);
    }

    [Fact]
    public async Task A_pending_upstream_share_counts_nothing_until_its_final_verdict_replaces_it_and_a_resend_does_not()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.AcceptedPending, 0.5, T0), default);
        Assert.Equal(new DeviceTotals("esp-a", 0, 0, 0, 0, T0), await ledger.GetTotalsAsync("esp-a", default));

        // The device sends it again while it waits (rate-limited, or answered pending again): the row stays pending.
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.RejectedRateLimited, 0, T0.AddSeconds(1)), default);
        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.AcceptedPending, 0, T0.AddSeconds(2)), default);
        Assert.Equal(DeviceVerdictCode.AcceptedPending, (await FindAsync(ledger, "esp-a", 7, 70))!.Verdict);

        await ledger.RecordAsync(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.Accepted, 0.5, T0.AddSeconds(3)) { ResolvesPending = true }, default);
        await ledger.RecordAsync(new LedgerShare("esp-a", 8, 80, DeviceVerdictCode.AcceptedPending, 0.5, T0.AddSeconds(4)), default);
        await ledger.RecordAsync(new LedgerShare("esp-a", 8, 80, DeviceVerdictCode.RejectedStale, 0.5, T0.AddSeconds(5)) { ResolvesPending = true }, default);

        Assert.Equal(new LedgerShare("esp-a", 7, 70, DeviceVerdictCode.Accepted, 0.5, T0.AddSeconds(3)), await FindAsync(ledger, "esp-a", 7, 70));
        Assert.Equal(DeviceVerdictCode.RejectedStale, (await FindAsync(ledger, "esp-a", 8, 80))!.Verdict);
        // Credited: 7/70 (0.5). Rejects: the rate-limited resend and the stale 8/80; the pending records count nothing.
        Assert.Equal(new DeviceTotals("esp-a", 1, 0.5, 2, 0, T0.AddSeconds(5)), await ledger.GetTotalsAsync("esp-a", default));
    }

    [Fact]
    public async Task Shares_a_stopped_gateway_left_pending_become_stale_for_that_gateway_only()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        const uint OfGateway3 = 3u << 24, OfGateway4 = 4u << 24;
        await ledger.RecordAsync(new LedgerShare("esp-a", OfGateway3 | 1, 10, DeviceVerdictCode.AcceptedPending, 0.5, T0), default);
        await ledger.RecordAsync(new LedgerShare("esp-a", OfGateway3 | 1, 11, DeviceVerdictCode.AcceptedPending, 0.5, T0), default);
        await ledger.RecordAsync(new LedgerShare("esp-b", OfGateway4 | 1, 12, DeviceVerdictCode.AcceptedPending, 0.5, T0), default);

        Assert.Equal(2, await ledger.AbandonPendingAsync(3, default));

        Assert.Equal(DeviceVerdictCode.RejectedStale, (await FindAsync(ledger, "esp-a", OfGateway3 | 1, 11))!.Verdict);
        Assert.Equal(DeviceVerdictCode.AcceptedPending, (await FindAsync(ledger, "esp-b", OfGateway4 | 1, 12))!.Verdict);
        Assert.Equal(2, (await ledger.GetTotalsAsync("esp-a", default))!.Rejects);
        Assert.Equal(0, (await ledger.GetTotalsAsync("esp-b", default))!.Rejects);
        Assert.Equal(0, await ledger.AbandonPendingAsync(3, default));
    }

    [Fact]
    public async Task Retention_prunes_old_judged_shares_in_small_batches_keeps_totals_pending_and_recent_shares_and_judging_goes_on_between_batches()
    {
        await using IDeviceLedger ledger = await OpenAsync();
        var clock = new Fleet.ManualClock(T0.AddDays(40));
        const int Old = 1200;
        await Task.WhenAll(Enumerable.Range(0, Old).Select(i =>
            ledger.RecordAsync(new LedgerShare($"esp-{i % 3}", 1, (uint)i, DeviceVerdictCode.Accepted, 1, T0.AddSeconds(i)), default)));
        await ledger.RecordAsync(new LedgerShare("esp-0", 2, 1, DeviceVerdictCode.AcceptedPending, 1, T0), default);
        await ledger.RecordAsync(new LedgerShare("esp-0", 3, 1, DeviceVerdictCode.Accepted, 1, T0.AddDays(15)), default);

        // One batch is one transaction of at most BatchRows rows; a record made between two batches commits at once.
        Assert.Equal(LedgerRetention.BatchRows, await ledger.PruneAsync(clock.GetUtcNow().AddDays(-30), LedgerRetention.BatchRows, default));
        await ledger.RecordAsync(new LedgerShare("esp-1", 4, 1, DeviceVerdictCode.Accepted, 1, clock.GetUtcNow()), default);
        Assert.NotNull(await FindAsync(ledger, "esp-1", 4, 1));
        var retention = new LedgerRetention(ledger, 30, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal(Old - LedgerRetention.BatchRows, await retention.PruneAsync(default));

        Assert.Null(await FindAsync(ledger, "esp-2", 1, 1199));
        Assert.NotNull(await FindAsync(ledger, "esp-0", 2, 1));
        Assert.NotNull(await FindAsync(ledger, "esp-0", 3, 1));
        // Totals are their own table: 400 old shares per device, plus the later ones.
        Assert.Equal([401L, 401L, 400L], (await ledger.ListDevicesAsync(default)).Select(d => d.Shares));
        Assert.Equal(0, await retention.PruneAsync(default));
    }
}
