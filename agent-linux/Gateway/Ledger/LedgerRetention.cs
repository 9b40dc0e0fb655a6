using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// Keeps the share log to <c>gateway:ledger:retentionDays</c>: at start and then every <see cref="Every"/>, it deletes
/// judged shares older than that in batches of <see cref="BatchRows"/>, each its own short transaction with a pause
/// after it, so the group commit of new verdicts never waits for more than one batch. Device totals are a table of
/// their own and are never pruned; a share still pending_upstream is never pruned.
/// </summary>
public sealed class LedgerRetention
{
    /// <summary>Rows deleted per transaction.</summary>
    public const int BatchRows = 500;

    /// <summary>How often the log is pruned.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    // Between batches: judging gets the database for a while even while a large backlog is pruned.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private readonly IDeviceLedger _ledger;
    private readonly TimeSpan _keep;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Prunes <paramref name="ledger"/> to <paramref name="retentionDays"/> days by <paramref name="time"/>'s clock.</summary>
    public LedgerRetention(IDeviceLedger ledger, int retentionDays, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        _ledger = ledger;
        _keep = TimeSpan.FromDays(retentionDays);
        _time = time;
        _logger = logger;
    }

    /// <summary>Prunes now and then every <see cref="Every"/> until cancelled; a failed round is logged and tried again next time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Every, _time);
        try
        {
            do
            {
                try
                {
                    await PruneAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    _logger.LogWarning("Pruning the gateway ledger failed, next try in {Every}: {Error}", Every, error.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every judged share older than the retention, batch by batch; returns how many went.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset before = _time.GetUtcNow() - _keep;
        long total = 0;
        int deleted;
        do
        {
            deleted = await _ledger.PruneAsync(before, BatchRows, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted == BatchRows)
            {
                await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
            }
        }
        while (deleted == BatchRows);

        if (total > 0)
        {
            _logger.LogInformation("Gateway ledger: {Count} shares judged before {Before:u} pruned (gateway:ledger:retentionDays = {Days}); device totals keep them",
                total, before, _keep.TotalDays);
        }

        return total;
    }
}
