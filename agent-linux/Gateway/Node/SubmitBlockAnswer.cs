using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// What submitblock's answer means (BIP 22 and Bitcoin Core's rpc/mining.cpp): null is a new block on the node's best
/// chain; "duplicate" a block it already has; "inconclusive" a valid-looking block it stored but did not make its tip
/// (another block at that height came first); any other string is the reason it was refused (BIP 22 reject reasons
/// such as "high-hash", "bad-txnmrklroot").
/// </summary>
internal static class SubmitBlockAnswer
{
    /// <summary>The verdict on <paramref name="result"/>.</summary>
    /// <param name="result">submitblock's result.</param>
    /// <param name="earlierAttemptMayHaveArrived">
    /// True when an earlier attempt of the same submission lost its connection: the node may have taken that one, and
    /// its "duplicate" then means this block was accepted.
    /// </param>
    public static UpstreamResult Judge(JsonElement result, bool earlierAttemptMayHaveArrived)
    {
        if (result.ValueKind == JsonValueKind.Null)
        {
            return new UpstreamResult(ShareVerdict.BlockAccepted, string.Empty);
        }

        if (result.ValueKind != JsonValueKind.String)
        {
            return new UpstreamResult(ShareVerdict.Rejected, $"submitblock answered {UntrustedText.Escape(result.GetRawText(), 100)}, not null or a reason");
        }

        // The node's reason is logged and becomes a device's verdict: escaped like any outside text.
        string reason = UntrustedText.Escape(JsonText.Read(result), 200);
        return reason switch
        {
            "duplicate" when earlierAttemptMayHaveArrived =>
                new UpstreamResult(ShareVerdict.BlockAccepted, "duplicate: an earlier attempt whose answer was lost had reached the node"),
            "duplicate" or "duplicate-inconclusive" =>
                new UpstreamResult(ShareVerdict.Stale, $"{reason}: the node already has this block"),
            "inconclusive" =>
                new UpstreamResult(ShareVerdict.Stale, "inconclusive: the node stored the block but another block at this height came first"),
            "stale-prevblk" or "prev-blk-not-found" =>
                new UpstreamResult(ShareVerdict.Stale, $"{reason}: the block builds on a block the node no longer builds on"),
            _ => new UpstreamResult(ShareVerdict.Rejected, reason),
        };
    }
}
