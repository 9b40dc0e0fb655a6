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

    /// <summary>A device's totals, or null when the ledger has never seen it.</summary>
    Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Every device's totals, ordered by device id.</summary>
    Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken);
}
