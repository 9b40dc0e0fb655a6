using System;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Gateway.Energy;

public sealed class FleetEnergyBookTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    // Flat 0.25 €/kWh, 6.25 coins a block, 2 € a coin.
    private static readonly FleetEnergyPrices Prices = new(new EnergyRuleOptions { PricePerKwhNano = 250_000_000, BlockReward = 6.25, CoinPrice = 2 });

    [Fact]
    public void A_devices_row_is_written_at_most_once_per_clock_hour_and_once_more_when_its_day_ends()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var book = new FleetEnergyBook(3, Prices, time);

        // 10:00: the first reading is the baseline; a device never written is written at once.
        Assert.Null(book.AddReading("esp-a", 0.010));
        FleetEnergyRow first = Assert.Single(book.TakeDue());
        Assert.Equal(new EnergyDay("esp-a", Day, 0, 0, 0, 0, 0), first.Day);
        Assert.Equal(0.010, first.CounterKwh);
        Assert.Equal(3, first.Instance);

        // 10:20 a reading, 10:40 a share: news, but this hour's write is done.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 10, 20, 0, TimeSpan.Zero));
        Assert.Null(book.AddReading("esp-a", 0.013));
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 10, 40, 0, TimeSpan.Zero));
        // sha256d pool difficulty 65535 = 65535 × 2^48 / 65535 = 2^48 hashes; network difficulty 65536 = 2^16:
        // 2^48 × 6.25 / (2^16 × 2^32) = 6.25 coins, × 2 € = 12.5 €.
        book.AddShare("esp-a", 65535, Algorithms.Sha256d, 65536);
        Assert.Empty(book.TakeDue());

        // 11:05: the next hour's write carries both. kWh 0.013 − 0.010 = 0.003, cost 0.003 × 0.25 = 0.00075 €.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 11, 5, 0, TimeSpan.Zero));
        EnergyDay hour = Assert.Single(book.TakeDue()).Day;
        Assert.Equal(0.003, hour.KilowattHours, 12);
        Assert.Equal(1, hour.SharesAccepted);
        Assert.Equal(6.25, hour.ExpectedCoins!.Value, 9);
        Assert.Equal(0.00075, hour.EnergyCost!.Value, 12);
        Assert.Equal(12.5, hour.Earned!.Value, 9);
        Assert.Equal(12.5 - 0.00075, hour.Net!.Value, 9);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 11, 10, 0, TimeSpan.Zero));
        Assert.Empty(book.TakeDue());

        // 23:50 the device restarted: 0.002 used since. 00:10 next day: 0.006 − 0.002 = 0.004 belongs to the new day.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 23, 50, 0, TimeSpan.Zero));
        Assert.Null(book.AddReading("esp-a", 0.002));
        time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 0, 10, 0, TimeSpan.Zero));
        Assert.Null(book.AddReading("esp-a", 0.006));
        EnergyDay ended = Assert.Single(book.TakeDue()).Day;
        Assert.Equal(Day, ended.Day);
        Assert.Equal(0.003 + 0.002, ended.KilowattHours, 12);
        Assert.Equal(0.005 * 0.25, ended.EnergyCost!.Value, 12);

        // The new day's row waits for the next hour (the final write of the old day was this hour's).
        Assert.Empty(book.TakeDue());
        time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero));
        EnergyDay next = Assert.Single(book.TakeDue()).Day;
        Assert.Equal(Day.AddDays(1), next.Day);
        Assert.Equal(0.004, next.KilowattHours, 12);
        Assert.Equal(0, next.SharesAccepted);
    }

    [Fact]
    public void A_restarted_gateway_goes_on_from_its_own_stored_row_and_counter()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        var book = new FleetEnergyBook(1, Prices, time);
        book.Restore([
            new FleetEnergyRow(1, new EnergyDay("esp-a", Day, 0.2, 4, 1.5, 0.05, 3), 0.7),
            new FleetEnergyRow(2, new EnergyDay("esp-a", Day, 9, 9, 9, 9, 9), 9), // another gateway's: not this book's
        ]);

        // The device's counter went from 0.7 to 0.75: 0.05 kWh, 0.0125 €; the day goes on from 0.2 kWh.
        Assert.Null(book.AddReading("esp-a", 0.75));
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero));
        FleetEnergyRow row = Assert.Single(book.TakeDue());
        Assert.Equal(0.25, row.Day.KilowattHours, 12);
        Assert.Equal(4, row.Day.SharesAccepted);
        Assert.Equal(0.0625, row.Day.EnergyCost!.Value, 12);
        Assert.Equal(0.75, row.CounterKwh);
    }

    [Fact]
    public void Without_prices_cost_and_coins_stay_unknown_not_zero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var book = new FleetEnergyBook(0, FleetEnergyPrices.None, time);
        book.AddReading("esp-a", 0.1);
        book.AddReading("esp-a", 0.2);
        book.AddShare("esp-a", 1, Algorithms.Scrypt, 1000);

        EnergyDay day = Assert.Single(book.TakeUnwritten()).Day;
        Assert.Equal(0.1, day.KilowattHours, 12);
        Assert.Equal(1, day.SharesAccepted);
        Assert.Null(day.ExpectedCoins);
        Assert.Null(day.EnergyCost);
        Assert.Null(day.Net);
    }

    [Fact]
    public void Gateways_sharing_a_database_take_the_fullest_kWh_count_and_add_their_shares()
    {
        // Both gateways heard esp-a's statuses (0.3 and, having started later, 0.2 kWh) and each judged some of its
        // shares (2 and 3). The device's day: 0.3 kWh at its cost 0.075, 2 + 3 = 5 shares, 1.0 + 0.5 = 1.5 coins.
        FleetEnergyRow[] rows =
        [
            new(1, new EnergyDay("esp-a", Day, 0.3, 2, 1.0, 0.075, null), 0.3),
            new(2, new EnergyDay("esp-a", Day, 0.2, 3, 0.5, 0.05, null), 0.3),
            new(1, new EnergyDay("esp-b", Day, 0.1, 0, null, null, null), 0.1),
        ];

        var devices = FleetEnergyTotals.Devices(rows);
        Assert.Equal(new EnergyDay("esp-a", Day, 0.3, 5, 1.5, 0.075, null), devices[0]);
        Assert.Equal("esp-b", devices[1].Device);

        // The fleet: 0.3 + 0.1 = 0.4 kWh, 5 shares, 1.5 coins, 0.075 € (esp-b's cost unknown, left out, not 0).
        EnergyDay total = Assert.Single(FleetEnergyTotals.Fleet(devices));
        Assert.Equal(0.4, total.KilowattHours, 12);
        Assert.Equal(5, total.SharesAccepted);
        Assert.Equal(1.5, total.ExpectedCoins!.Value, 12);
        Assert.Equal(0.075, total.EnergyCost!.Value, 12);
        Assert.Null(total.Earned);
        Assert.Equal(string.Empty, total.Device);
        Assert.Equal([Day], FleetEnergyTotals.Fleet(devices).Select(d => d.Day));
    }
}
