using System;
using System.Threading;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Status;
using Prometheus;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format, written by prometheus-net from a registry of its own (no process
/// or runtime collectors: only what the agent knows). The values are read from the status snapshot and the gateway's
/// counters just before each scrape, so nothing on the hashing path touches a metric.
/// </summary>
public sealed class MetricsExport
{
    private readonly Gauge _hashrate;
    private readonly Gauge _temperature;
    private readonly Gauge _duty;
    private readonly Counter _shares;
    private readonly Gauge _info;
    private readonly Counter _energy;
    private readonly Counter _earnings;
    private readonly Counter _energyCost;
    private readonly Gauge _resident;
    private readonly Gauge _heapLimit;
    private readonly Gauge? _devices;
    private readonly Gauge? _sharesPerSecond;
    private readonly Counter? _gatewayShares;
    private readonly Counter? _verdicts;
    private readonly Counter? _fleetEnergy;
    private readonly Counter? _fleetEarnings;
    private readonly Counter? _fleetEnergyCost;
    // The longest gateway:ledger:retentionDays (GatewayOptions), plus today.
    private const int AllRetainedDays = 36_501;

    private readonly TimeProvider _time;
    private string[]? _infoLabels;
    private long _lastShares;
    private long _lastScrape;

    /// <summary>The <c>currency</c> label while <c>energy:currency</c> is not set.</summary>
    public const string UnsetCurrency = "unset";

    /// <summary>A registry for the agent (<paramref name="agent"/>) and the gateway (<paramref name="gateway"/>), either may be null.</summary>
    public MetricsExport(AgentApi? agent, RunningGateway? gateway, TimeProvider time)
    {
        _time = time;
        _lastScrape = time.GetTimestamp();
        Registry = Metrics.NewCustomRegistry();
        MetricFactory factory = Metrics.WithCustomRegistry(Registry);
        _hashrate = factory.CreateGauge("iotminer_hashrate_hs", "Hash rate, hashes per second, averaged over the last minute.");
        _temperature = factory.CreateGauge("iotminer_temperature_celsius", "CPU temperature in degrees Celsius (absent without a sensor).");
        _duty = factory.CreateGauge("iotminer_duty_ratio", "Share of full speed on all threads set by the governor, 0 to 1.");
        _shares = factory.CreateCounter("iotminer_shares_total", "Shares answered by the pool since start, by result.", "result");
        _info = factory.CreateGauge("iotminer_info", "Always 1; the labels say what runs.", "algo", "engine", "pool", "version");
        _energy = factory.CreateCounter("iotminer_energy_kwh_total", "Energy the board used since start, kWh (power model or energy:powerTopic; absent when the board's power is unknown).",
            new CounterConfiguration { SuppressInitialValue = true });
        _earnings = factory.CreateCounter("iotminer_earnings_coins_total", "Coins the hashes are expected to earn, summed over the energy ledger's days; coin is the algorithm mined (the agent cannot tell which coin a pool pays).", "coin");
        _energyCost = factory.CreateCounter("iotminer_energy_cost_total", "What mining's energy cost, summed over the energy ledger's days, in the currency of energy:currency.", "currency");
        _resident = factory.CreateGauge("process_resident_memory_bytes", "Resident memory of this process, bytes (VmRSS).");
        _heapLimit = factory.CreateGauge("iotminer_managed_heap_limit_bytes", "The most memory the managed heap may use, bytes: DOTNET_GCHeapHardLimit when set (the service unit sets 96 MB), else the machine's memory; as of the last garbage collection.");
        if (gateway is not null)
        {
            _devices = factory.CreateGauge("iotminer_gateway_devices", "Devices the gateway heard from in the last five minutes.");
            _sharesPerSecond = factory.CreateGauge("iotminer_gateway_shares_per_second", "Device shares received per second since the previous scrape.");
            _gatewayShares = factory.CreateCounter("iotminer_gateway_shares_received_total", "Device shares received by the gateway since start.");
            _verdicts = factory.CreateCounter("iotminer_gateway_verdicts_total", "Verdicts the gateway sent to devices since start, by verdict.", "verdict");
            _fleetEnergy = factory.CreateCounter("iotminer_gateway_energy_kwh_total", "Energy the gateway's devices used, kWh, summed over the fleet energy ledger's days (from their status energy_kwh).",
                new CounterConfiguration { SuppressInitialValue = true });
            _fleetEarnings = factory.CreateCounter("iotminer_gateway_earnings_coins_total", "Coins the shares the gateway credited are expected to earn, summed over the fleet energy ledger's days; coin is the upstream's algorithm.", "coin");
            _fleetEnergyCost = factory.CreateCounter("iotminer_gateway_energy_cost_total", "What the gateway's devices' energy cost, summed over the fleet energy ledger's days, in the currency of energy:currency.", "currency");
        }

        Registry.AddBeforeCollectCallback(() =>
        {
            _resident.Set(Environment.WorkingSet);
            _heapLimit.Set(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
            if (agent is not null)
            {
                AgentStatus status = agent.Status.GetStatus();
                Update(status);
                Update(agent.Energy.Total(), status.Algo ?? "unknown", agent.Currency);
            }

            if (gateway?.Current?.Counters is { } counters)
            {
                Update(counters, counters.ActiveDevices(TimeSpan.FromMinutes(5)));
            }
        });
        Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            if (gateway?.Current is { Energy: { } energy } running)
            {
                FleetEnergyReport report = await energy.ReadAsync(AllRetainedDays, running.Upstream.Algorithm, cancellationToken).ConfigureAwait(false);
                UpdateFleet(report, fleetOnly: agent is null);
            }
        });
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    private void Update(AgentStatus status)
    {
        _hashrate.Set(Finite(status.HashrateHs));
        if (status.TemperatureC is double celsius && double.IsFinite(celsius))
        {
            _temperature.Set(celsius);
        }
        else
        {
            _temperature.Unpublish();
        }

        _duty.Set(Finite(status.DutyPercent) / 100);
        if (status.EnergyKwh is double kwh && double.IsFinite(kwh))
        {
            _energy.IncTo(kwh);
        }

        _shares.WithLabels("accepted").IncTo(status.Accepted);
        _shares.WithLabels("rejected").IncTo(status.Rejected);
        _shares.WithLabels("stale").IncTo(status.Stale);
        string[] labels = [status.Algo ?? "", status.Engine ?? "", status.Pool ?? "", AgentVersion.Current];
        string[]? previous = Interlocked.Exchange(ref _infoLabels, labels);
        if (previous is not null && !labels.AsSpan().SequenceEqual(previous))
        {
            // A failover changes the pool label: the old series goes, so one info series is 1 at a time.
            _info.RemoveLabelled(previous);
        }

        _info.WithLabels(labels).Set(1);
    }

    // From the ledger's memory: a scrape never reads its SQLite file (a Prometheus server scrapes every few seconds).
    private void Update(EnergyTotal total, string coin, string? currency)
    {
        _earnings.WithLabels(coin).IncTo(total.ExpectedCoins ?? 0);
        if (total.EnergyCost is double cost)
        {
            // Without energy:currency the cost's unit is unknown: the label says so rather than guessing one.
            _energyCost.WithLabels(currency ?? UnsetCurrency).IncTo(cost);
        }
    }

    // A gateway without a miner (iotminer gateway) answers the energy metrics with its fleet's sums; beside a miner
    // those are the miner's own, and the fleet's are the iotminer_gateway_* counters in either case.
    private void UpdateFleet(FleetEnergyReport report, bool fleetOnly)
    {
        EnergyTotal total = EnergyTotal.Of(report.Total);
        double kwh = total.KilowattHours;
        double coins = total.ExpectedCoins ?? 0;
        double cost = total.EnergyCost ?? 0;
        string currency = report.Currency ?? UnsetCurrency;
        _fleetEnergy!.IncTo(kwh);
        _fleetEarnings!.WithLabels(report.Coin).IncTo(coins);
        _fleetEnergyCost!.WithLabels(currency).IncTo(cost);
        if (fleetOnly)
        {
            _energy.IncTo(kwh);
            _earnings.WithLabels(report.Coin).IncTo(coins);
            _energyCost.WithLabels(currency).IncTo(cost);
        }
    }

    private void Update(GatewayCounters counters, int devices)
    {
        _devices!.Set(devices);
        long shares = counters.SharesReceived;
        _gatewayShares!.IncTo(shares);
        long now = _time.GetTimestamp();
        double seconds = _time.GetElapsedTime(Interlocked.Exchange(ref _lastScrape, now), now).TotalSeconds;
        long before = Interlocked.Exchange(ref _lastShares, shares);
        _sharesPerSecond!.Set(seconds > 0 ? (shares - before) / seconds : 0);
        foreach (DeviceVerdictCode code in Enum.GetValues<DeviceVerdictCode>())
        {
            _verdicts!.WithLabels(GatewaySnapshot.Name(code)).IncTo(counters.Verdicts(code));
        }
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
