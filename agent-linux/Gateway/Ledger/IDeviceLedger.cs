using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// The gateway's book of device work: every judged share (device, job id, nonce, verdict, difficulty) and each
/// device's totals. <see cref="RecordAsync"/> completes only once the record is committed, so a verdict sent to a
/// device is never lost from the book, even if the gateway is killed right after.
/// </summary>
public interface IDeviceLedger : IAsyncDisposable
{
    /// <summary>Records a judged share and adds it to its device's totals; completes once committed.</summary>
    Task RecordAsync(LedgerShare share, CancellationToken cancellationToken);

    /// <summary>
    /// Gives every share still pending_upstream whose job gateway <paramref name="instance"/> issued (the job id's top
    /// byte) its final verdict, rejected-stale, and counts it in its device's rejects: called when that gateway starts,
    /// since the upstream session that held them ended with the previous run. Returns how many there were.
    /// </summary>
    Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> share-log rows judged before <paramref name="judgedBefore"/> (never a
    /// pending_upstream one) in one short transaction, so judging waits at most for one small batch; device totals are
    /// a table of their own and stay. Returns how many rows went (fewer than <paramref name="maxRows"/>: none are left).
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken);

    /// <summary>
    /// The share log's verdict for (<paramref name="deviceId"/>, <paramref name="jobId"/>, <paramref name="nonce"/>),
    /// or null when it has no row: a share the broker delivers again after the gateway that judged it died gets its
    /// recorded verdict instead of a second one.
    /// </summary>
    Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken);

    /// <summary>A device's totals, or null when the ledger has never seen it.</summary>
    Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Every device's totals, ordered by device id.</summary>
    Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken);
}
