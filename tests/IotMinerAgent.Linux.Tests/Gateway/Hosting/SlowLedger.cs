using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// A ledger that records one share at a time and takes <paramref name="perRecord"/> for each before passing it on, so
/// the gateway can judge at most one share per <paramref name="perRecord"/>: a slow disk or database made on purpose,
/// to overload a gateway with a handful of devices.
/// </summary>
internal sealed class SlowLedger(IDeviceLedger inner, TimeSpan perRecord) : DelegatingDeviceLedger(inner)
{
    readonly SemaphoreSlim _one = new(1);

    public override async Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await Task.Delay(perRecord, cancellationToken);
            await Inner.RecordAsync(share, cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }
}
