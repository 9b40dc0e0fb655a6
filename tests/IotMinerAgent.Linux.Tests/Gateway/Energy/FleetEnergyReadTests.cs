using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Gateway.Energy;

/// <summary>
/// Reading the fleet energy ledger (each /metrics scrape, each API call) reads the store at most once per clock hour,
/// and again after this gateway wrote to it; this gateway's own news is in every read.
/// </summary>
public sealed class FleetEnergyReadTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("iotminer-fleet-energy-").FullName;

    [Fact]
    public async Task Reads_within_a_clock_hour_share_one_store_read_until_the_gateway_writes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await using SqliteDeviceLedger ledger = SqliteDeviceLedger.Open(Path.Combine(_state, "ledger.db"), NullLogger.Instance);
        var store = new CountingStore(ledger);
        var book = new FleetEnergyBook(1, FleetEnergyPrices.None, time);
        var energy = new FleetEnergy(store, book, 30, time, NullLogger.Instance);
        Assert.Null(book.AddReading("esp-a", 0.010));

        await energy.ReadAsync(30, Algorithms.Sha256d, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(book.AddReading("esp-a", 0.012));
        FleetEnergyReport again = await energy.ReadAsync(7, Algorithms.Sha256d, CancellationToken.None);

        // One store read; the book's news (0.002 kWh since the first reading) is in the second answer all the same.
        Assert.Equal(1, store.Reads);
        Assert.Equal(0.002, Assert.Single(again.Devices).KilowattHours, 12);

        // The gateway writes its due row: the next read goes to the store, which now holds it.
        using var stop = new CancellationTokenSource();
        Task running = energy.RunAsync(stop.Token);
        await WaitUntilAsync(() => store.Writes == 1);
        FleetEnergyReport written = await energy.ReadAsync(30, Algorithms.Sha256d, CancellationToken.None);
        Assert.Equal(2, store.Reads);
        Assert.Equal(0.002, Assert.Single(written.Devices).KilowattHours, 12);

        // A new clock hour reads the store again (other gateways write theirs at most once an hour).
        time.Advance(TimeSpan.FromHours(1));
        await energy.ReadAsync(30, Algorithms.Sha256d, CancellationToken.None);
        Assert.Equal(3, store.Reads);

        await stop.CancelAsync();
        await running;
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the gateway did not write its due row");
    }

    private sealed class CountingStore(IFleetEnergyStore inner) : IFleetEnergyStore
    {
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public async Task WriteEnergyAsync(IReadOnlyList<FleetEnergyRow> rows, CancellationToken cancellationToken)
        {
            await inner.WriteEnergyAsync(rows, cancellationToken);
            Interlocked.Increment(ref _writes);
        }

        public Task<IReadOnlyList<FleetEnergyRow>> ReadEnergyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.ReadEnergyAsync(from, to, cancellationToken);
        }

        public Task<int> PruneEnergyAsync(DateOnly oldestKept, CancellationToken cancellationToken) => inner.PruneEnergyAsync(oldestKept, cancellationToken);
    }
}
