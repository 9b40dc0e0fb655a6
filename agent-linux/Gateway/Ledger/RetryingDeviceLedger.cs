using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// The ledger as judging uses it: a write or lookup that fails for a passing reason (the database is busy, restarting,
/// out of connections, unreachable) is tried again, waiting longer each time up to <see cref="MaxDelay"/>, until it
/// succeeds or the gateway stops. A share is never answered before its record is committed, so while the database is
/// away its share waits (and the device with it) rather than being dropped; any other failure is thrown at once.
/// </summary>
/// <param name="inner">The ledger.</param>
/// <param name="logger">Says once when the ledger becomes unavailable and once when it is back.</param>
public sealed class RetryingDeviceLedger(IDeviceLedger inner, ILogger logger) : DelegatingDeviceLedger(inner)
{
    /// <summary>The first wait before trying again.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between tries.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    // SQLite's SQLITE_BUSY and SQLITE_LOCKED (https://www.sqlite.org/rescode.html): another connection holds the lock.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private int _failing;

    /// <summary>Whether <paramref name="error"/> may pass if the same work is tried again.</summary>
    public static bool IsTransient(Exception error) =>
        error is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } || error is DbException { IsTransient: true };

    /// <inheritdoc />
    public override Task RecordAsync(LedgerShare share, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await Inner.RecordAsync(share, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public override Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken) =>
        RetryAsync(() => Inner.FindShareAsync(deviceId, jobId, nonce, cancellationToken), cancellationToken);

    private async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        TimeSpan delay = FirstDelay;
        while (true)
        {
            try
            {
                T result = await work().ConfigureAwait(false);
                if (Interlocked.Exchange(ref _failing, 0) == 1)
                {
                    logger.LogInformation("The ledger is available again: judging goes on");
                }

                return result;
            }
            catch (Exception error) when (IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref _failing, 1) == 0)
                {
                    logger.LogWarning("The ledger is unavailable ({Error}): shares wait for it and are tried again, at least every {Seconds} s", error.Message, MaxDelay.TotalSeconds);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
