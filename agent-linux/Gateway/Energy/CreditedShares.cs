using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>
/// The device ledger seen through the energy book: every share record that credits its device (accepted or
/// block-found, the same ones its totals count) is added to the book once committed. A pending share counts when its
/// final verdict comes, as in the totals.
/// </summary>
/// <param name="inner">The ledger the records go to.</param>
/// <param name="book">The energy book.</param>
/// <param name="algorithm">The upstream's algorithm (what the shares' pool difficulty is in).</param>
/// <param name="networkDifficulty">The network difficulty of upstream's newest template; null before the first.</param>
public sealed class CreditedShares(IDeviceLedger inner, FleetEnergyBook book, string algorithm, Func<double?> networkDifficulty) : DelegatingDeviceLedger(inner)
{
    /// <inheritdoc />
    public override async Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        await Inner.RecordAsync(share, cancellationToken).ConfigureAwait(false);
        if (share.Counts)
        {
            book.AddShare(share.DeviceId, share.Difficulty, algorithm, networkDifficulty());
        }
    }
}
