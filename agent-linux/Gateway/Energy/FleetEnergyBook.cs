using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// The gateway's energy ledger in memory: per device, today's row in the agent's shape (<see cref="EnergyDay"/>), fed
/// by the devices' status counters (<see cref="AddReading"/>) and the shares the gateway credits (<see cref="AddShare"/>).
/// <see cref="TakeDue"/> hands out the rows to write: a device's row at most once per clock hour (SD cards wear with
/// every write, issue 15), and once more, final, when its day ended (local midnight, by the clock's time zone).
/// </summary>
public sealed class FleetEnergyBook
{
    /// <summary>Devices kept at most: a broker without ACLs lets anyone publish statuses under made-up device ids.</summary>
    public const int MaxDevices = 100_000;

    private readonly byte _instance;
    private readonly FleetEnergyPrices _prices;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, DeviceEnergy> _devices = new(StringComparer.Ordinal);
    private readonly List<FleetEnergyRow> _ended = new();

    /// <summary>The book of gateway <paramref name="instance"/>, pricing with <paramref name="prices"/> by <paramref name="time"/>'s local clock.</summary>
    public FleetEnergyBook(byte instance, FleetEnergyPrices prices, TimeProvider time)
    {
        _instance = instance;
        _prices = prices;
        _time = time;
    }

    /// <summary>The prices in use.</summary>
    public FleetEnergyPrices Prices => _prices;

    /// <summary>The gateway instance whose rows these are.</summary>
    public byte Instance => _instance;

    /// <summary>
    /// Goes on from stored rows (any instance's may be given; only this instance's count): each device's newest row gives
    /// its counter, and a row of today is counted on rather than started again.
    /// </summary>
    public void Restore(IReadOnlyList<FleetEnergyRow> rows)
    {
        DateTimeOffset now = _time.GetLocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        lock (_gate)
        {
            foreach (FleetEnergyRow row in rows)
            {
                if (row.Instance != _instance || row.Day.Day > today
                    || (_devices.TryGetValue(row.Day.Device, out DeviceEnergy? known) && known.Today is { } kept && kept.Day >= row.Day.Day))
                {
                    continue;
                }

                // The counter was read some time on the row's day: from its midnight is the longest span it can cover.
                var readAt = new DateTimeOffset(row.Day.Day.ToDateTime(TimeOnly.MinValue), now.Offset);
                _devices[row.Day.Device] = new DeviceEnergy(new KwhCounter(row.CounterKwh, readAt))
                {
                    Today = row.Day,
                    WrittenHour = EnergyLedger.Hour(now),
                };
            }
        }
    }

    /// <summary>
    /// Takes a device's cumulative counter (status <c>energy_kwh</c>, kWh): the kWh since its previous reading are
    /// added to today's row, priced at the energy price of now. Returns null, or why the reading was refused.
    /// </summary>
    public string? AddReading(string device, double kilowattHours)
    {
        DateTimeOffset now = _time.GetLocalNow();
        lock (_gate)
        {
            if (Device(device) is not { } entry)
            {
                return $"more than {MaxDevices} devices: this one is not counted";
            }

            if (entry.Counter.Advance(kilowattHours, now, out string? refusal) is not double used)
            {
                return refusal;
            }

            double? price = _prices.PricePerKwhAt(now);
            Add(entry, device, now, new EnergyInterval(used, 0, KnownZeroCoins, price is double p ? used * p : null, KnownZeroEarned));
            return null;
        }
    }

    /// <summary>
    /// Credits an accepted share of pool difficulty <paramref name="difficulty"/> on <paramref name="algorithm"/>: one share,
    /// and the coins its work is expected to earn, difficulty × hashes per difficulty × block reward / (network difficulty
    /// × 2^32) (<see cref="Earnings.ExpectedCoins"/>); unknown without <c>energy:blockReward</c> or a network difficulty.
    /// </summary>
    public void AddShare(string device, double difficulty, string algorithm, double? networkDifficulty)
    {
        double? coins = _prices.BlockReward is double reward && networkDifficulty is double network && network > 0 && difficulty > 0 && double.IsFinite(difficulty)
            ? Earnings.ExpectedCoins(difficulty * DifficultyScale.HashesPerDifficulty(algorithm), network, reward)
            : null;
        double? earned = coins is double c && _prices.CoinPrice is double price ? c * price : null;
        DateTimeOffset now = _time.GetLocalNow();
        lock (_gate)
        {
            if (Device(device) is { } entry)
            {
                Add(entry, device, now, new EnergyInterval(0, 1, coins, null, earned));
            }
        }
    }

    /// <summary>The rows to write now: days that ended, and each device's row with news unless it was written this clock hour.</summary>
    public IReadOnlyList<FleetEnergyRow> TakeDue() => Take(all: false);

    /// <summary>Every row with news, whatever the hour (a clean stop).</summary>
    public IReadOnlyList<FleetEnergyRow> TakeUnwritten() => Take(all: true);

    /// <summary>Gives back rows whose write failed: they are written with the next due rows.</summary>
    public void Return(IReadOnlyList<FleetEnergyRow> rows)
    {
        lock (_gate)
        {
            foreach (FleetEnergyRow row in rows)
            {
                if (_devices.TryGetValue(row.Day.Device, out DeviceEnergy? entry) && entry.Today is { } today && today.Day == row.Day.Day)
                {
                    entry.Unwritten = true;
                    entry.WrittenHour = DateTimeOffset.MinValue;
                }
                else
                {
                    _ended.Add(row);
                }
            }
        }
    }

    /// <summary>Each device's current row, written or not (what readers merge over the stored rows).</summary>
    public IReadOnlyList<FleetEnergyRow> Snapshot()
    {
        lock (_gate)
        {
            var rows = new List<FleetEnergyRow>(_ended);
            foreach (DeviceEnergy entry in _devices.Values)
            {
                if (entry.Today is not null)
                {
                    rows.Add(Row(entry));
                }
            }

            return rows;
        }
    }

    private double? KnownZeroCoins => _prices.BlockReward is null ? null : 0;

    private double? KnownZeroEarned => _prices.BlockReward is null || _prices.CoinPrice is null ? null : 0;

    private List<FleetEnergyRow> Take(bool all)
    {
        DateTimeOffset hour = EnergyLedger.Hour(_time.GetLocalNow());
        lock (_gate)
        {
            var rows = new List<FleetEnergyRow>(_ended);
            _ended.Clear();
            foreach (DeviceEnergy entry in _devices.Values)
            {
                if (entry.Unwritten && (all || entry.WrittenHour != hour))
                {
                    rows.Add(Row(entry));
                    entry.Unwritten = false;
                    entry.WrittenHour = hour;
                }
            }

            return rows;
        }
    }

    private DeviceEnergy? Device(string device)
    {
        if (_devices.TryGetValue(device, out DeviceEnergy? entry))
        {
            return entry;
        }

        if (_devices.Count >= MaxDevices)
        {
            return null;
        }

        entry = new DeviceEnergy(new KwhCounter(null, DateTimeOffset.MinValue)) { WrittenHour = DateTimeOffset.MinValue };
        _devices.Add(device, entry);
        return entry;
    }

    private void Add(DeviceEnergy entry, string device, DateTimeOffset now, EnergyInterval interval)
    {
        var date = DateOnly.FromDateTime(now.DateTime);
        if (entry.Today is { } previous && previous.Day != date)
        {
            // The interval ended after midnight: the day that ended is written once more, final, and counts as this hour's write.
            if (entry.Unwritten)
            {
                _ended.Add(Row(entry));
            }

            entry.Today = null;
            entry.WrittenHour = EnergyLedger.Hour(now);
        }

        entry.Today = (entry.Today ?? new EnergyDay(device, date, 0, 0, null, null, null)).Add(interval);
        entry.Unwritten = true;
    }

    private FleetEnergyRow Row(DeviceEnergy entry) => new(_instance, entry.Today!, entry.Counter.Last);

    private sealed class DeviceEnergy(KwhCounter counter)
    {
        public KwhCounter Counter { get; } = counter;

        public EnergyDay? Today { get; set; }

        public DateTimeOffset WrittenHour { get; set; }

        public bool Unwritten { get; set; }
    }
}
