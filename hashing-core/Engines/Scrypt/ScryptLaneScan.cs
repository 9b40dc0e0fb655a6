using System;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The scan loop every SIMD scrypt engine shares: per batch of lanes, the SHA-256 parts (HMAC key, PBKDF2 in and out)
/// run per lane on the portable <see cref="ScryptHeaderHasher"/>, writing and reading the interleaved block directly,
/// while ROMix, nearly all of the work, runs lane-parallel. Nonces that do not fill a batch go to the scalar scanner.
/// </summary>
internal static class ScryptLaneScan
{
    /// <summary>Scans [firstNonce, firstNonce + count) of scrypt header work with <typeparamref name="TLanes"/>.</summary>
    public static void Scan<TLanes>(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        where TLanes : struct, IScryptLanes
    {
        HeaderWork headerWork = ScryptScalarScanner.RequireScryptWork(work, hits);
        NonceRange.Check(firstNonce, count);
        int lanes = TLanes.Count;
        ulong full = count - (count % (ulong)lanes);
        if (full > 0)
        {
            ScanBatches<TLanes>(headerWork, firstNonce, full, hits);
        }

        if (full < count)
        {
            new ScryptScalarScanner().Scan(work, (uint)(firstNonce + full), count - full, hits);
        }
    }

    private static void ScanBatches<TLanes>(HeaderWork work, uint firstNonce, ulong count, NonceHits hits)
        where TLanes : struct, IScryptLanes
    {
        int lanes = TLanes.Count;
        var hasher = new ScryptHeaderHasher(work);
        var macs = new HmacSha256[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            macs[lane] = new HmacSha256();
        }

        var block = new AlignedWords(ScryptLaneRoMix.BlockWords * lanes);
        var scratchpad = new AlignedWords(ScryptLaneRoMix.ScratchpadWords(lanes));
        byte[] hash = new byte[Hashing.Scrypt.HashSize];
        Target target = work.Target;
        for (ulong batch = 0; batch < count; batch += (ulong)lanes)
        {
            uint first = (uint)(firstNonce + batch);
            for (int lane = 0; lane < lanes; lane++)
            {
                uint nonce = first + (uint)lane;
                hasher.KeyFor(nonce, macs[lane]);
                hasher.Expand(nonce, macs[lane], block.Words, block.Offset + lane, lanes);
            }

            ScryptLaneRoMix.Mix<TLanes>(ref block.First, ref scratchpad.First);
            for (int lane = 0; lane < lanes; lane++)
            {
                hasher.Finish(macs[lane], block.Words, block.Offset + lane, lanes, hash);
                if (target.IsMetBy(hash))
                {
                    hits.Add(first + (uint)lane);
                }
            }
        }
    }
}
