using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// A ledger that passes every call on to another: the base of the decorators that change what judging sees of the
/// ledger (<see cref="RetryingDeviceLedger"/>, the fleet energy's credited shares), each overriding what it changes.
/// The inner ledger stays its opener's to dispose.
/// </summary>
/// <param name="inner">The ledger the calls go to.</param>
public abstract class DelegatingDeviceLedger(IDeviceLedger inner) : IDeviceLedger
{
    /// <summary>The ledger the calls go to.</summary>
    protected IDeviceLedger Inner { get; } = inner;

    /// <inheritdoc />
    public virtual Task RecordAsync(LedgerShare share, CancellationToken cancellationToken) => Inner.RecordAsync(share, cancellationToken);

    /// <inheritdoc />
    public virtual Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken) =>
        Inner.FindShareAsync(deviceId, jobId, nonce, cancellationToken);

    /// <inheritdoc />
    public Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken) => Inner.AbandonPendingAsync(instance, cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken) => Inner.PruneAsync(judgedBefore, maxRows, cancellationToken);

    /// <inheritdoc />
    public Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken) => Inner.GetTotalsAsync(deviceId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) => Inner.ListDevicesAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
