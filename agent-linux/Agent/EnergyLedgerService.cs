using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Feeds the energy ledger once a minute from the energy rule's count, the miner's counters and the current job,
/// and flushes it at a clean stop. Started before the governor, it restores today's and this month's energy into
/// the energy rule first, so a restart does not reset the budget.
/// </summary>
public sealed class EnergyLedgerService(EnergyLedger ledger, GovernorLoop governor, MinerStats stats, JobBoard board, AgentSetup setup,
    EnergyInputs? inputs, TimeProvider time, ILogger<EnergyLedgerService> logger) : BackgroundService
{
    /// <summary>How often the counters are sampled (rows are still written at most once an hour).</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMinutes(1);

    private long _microJ;
    private long _accepted;
    private long _hashes;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ledger.RestoreBudget(governor.Energy);
        _microJ = governor.Energy.TotalMicroJ;
        _accepted = stats.Accepted;
        _hashes = stats.TotalHashes;
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Sample();
        try
        {
            ledger.Flush();
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            logger.LogWarning("Energy ledger not written at stop ({Problem}); the last hour's figures are lost.", ex.Message);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync takes the last sample.
        }
    }

    /// <summary>Adds what happened since the last sample to the ledger.</summary>
    public void Sample()
    {
        long microJ = governor.Energy.TotalMicroJ;
        long accepted = stats.Accepted;
        long hashes = stats.TotalHashes;
        double kwh = (microJ - _microJ) / EnergyLedger.MicroJoulePerKilowattHour;
        double? coins = ExpectedCoins(hashes - _hashes);
        double? coinPrice = CoinPrice();
        try
        {
            ledger.Add(new EnergyInterval(kwh, accepted - _accepted, coins, PricePerKwh() is double price ? kwh * price : null,
                coins is double c && coinPrice is double p ? c * p : null));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            logger.LogWarning("Energy ledger not written ({Problem}); its counts go on in memory.", ex.Message);
        }

        _microJ = microJ;
        _accepted = accepted;
        _hashes = hashes;
    }

    // Demo work earns a known nothing; a pool's hashes earn hashes × reward / (network difficulty × 2^32).
    private double? ExpectedCoins(long hashes)
    {
        if (setup.MinesDemoWork)
        {
            return 0;
        }

        return setup.EnergyRule.BlockReward is double reward && board.Current?.Job.NetworkBits is uint bits && Earnings.TryNetworkDifficulty(bits, out double difficulty)
            ? Earnings.ExpectedCoins(hashes, difficulty, reward)
            : null;
    }

    private double? CoinPrice()
    {
        if (setup.MinesDemoWork)
        {
            return 0;
        }

        if (inputs is not null)
        {
            return inputs.TryCoinPrice(out double price, out _) ? price : null;
        }

        return setup.EnergyRule.CoinPrice;
    }

    // The same precedence as the energy rule: the price topic when set, else the tariff period of the time of day, else the flat price.
    private double? PricePerKwh()
    {
        if (setup.EnergyRule.PriceTopic is not null)
        {
            return inputs is not null && inputs.TryTopicPrice(out double topic) ? topic : null;
        }

        return setup.EnergyRule.ConfiguredPricePerKwhAt((int)time.GetLocalNow().TimeOfDay.TotalMinutes);
    }
}
