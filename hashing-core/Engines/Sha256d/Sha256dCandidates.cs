using System.Diagnostics;
using System.Numerics;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// Lanes a SIMD kernel flagged (digest word 7 at or below the target's) are hashed again by the scalar reference,
/// which appends them only if the whole hash meets the target: a hit is exactly what the scalar scanner finds.
/// </summary>
internal sealed class Sha256dCandidates
{
    private readonly HeaderWork _work;
    private readonly NonceHits _hits;

    /// <summary>Confirms candidates of <paramref name="work"/> into <paramref name="hits"/>.</summary>
    public Sha256dCandidates(HeaderWork work, NonceHits hits)
    {
        _work = work;
        _hits = hits;
    }

    /// <summary>Checks lane i of the block starting at <paramref name="blockNonce"/> for every bit i of <paramref name="laneMask"/>, lowest first.</summary>
    public void Check(uint blockNonce, uint laneMask)
    {
        Debug.Assert(laneMask != 0, "called only when some lane passed");
        while (laneMask != 0)
        {
            uint lane = (uint)BitOperations.TrailingZeroCount(laneMask);
            Sha256dLaneScan.Scalar.Scan(_work, blockNonce + lane, 1, _hits);
            laneMask &= laneMask - 1;
        }
    }
}
