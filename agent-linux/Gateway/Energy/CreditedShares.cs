using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// The device ledger seen through the energy book: every share record that credits its device (accepted or
/// block-found, the same ones its totals count) is added to the book once committed. A pending share counts when its
/// final verdict comes, as in the totals. The inner ledger stays its opener's to dispose.
/// </summary>
/// <param name="inner">The ledger the records go to.</param>
/// <param name="book">The energy book.</param>
/// <param name="algorithm">The upstream's algorithm (what the shares' pool difficulty is in).</param>
/// <param name="networkDifficulty">The network difficulty of upstream's newest template; null before the first.</param>
public sealed class CreditedShares(IDeviceLedger inner, FleetEnergyBook book, string algorithm, Func<double?> networkDifficulty) : IDeviceLedger
{
    /// <inheritdoc />
    public async Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        await inner.RecordAsync(share, cancellationToken).ConfigureAwait(false);
        if (share.Counts)
        {
            book.AddShare(share.DeviceId, share.Difficulty, algorithm, networkDifficulty());
        }
    }

    /// <inheritdoc />
    public Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken) => inner.AbandonPendingAsync(instance, cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken) => inner.PruneAsync(judgedBefore, maxRows, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken) =>
        inner.FindShareAsync(deviceId, jobId, nonce, cancellationToken);

    /// <inheritdoc />
    public Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken) => inner.GetTotalsAsync(deviceId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) => inner.ListDevicesAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
