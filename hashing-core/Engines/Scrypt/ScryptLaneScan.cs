using System;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The scan loop every SIMD scrypt engine shares: per batch of lanes, PBKDF2 (<see cref="LaneScryptHeaderHasher{TVector, TLanes}"/>)
/// and ROMix (<see cref="ScryptLaneRoMix"/>) run lane-parallel on one word-interleaved block; only the final target
/// check is per lane. Nonces that do not fill a batch go to the scalar scanner.
/// </summary>
internal static class ScryptLaneScan
{
    // One scratchpad per thread, kept between scans: a fresh 2 MiB array per call costs page faults and zeroing
    // worth about half a millisecond, which halved the rate of scans of one batch. Scan is never re-entered on a thread.
    [ThreadStatic]
    private static AlignedWords? t_scratchpad;

    /// <summary>Scans [firstNonce, firstNonce + count) of scrypt header work with <typeparamref name="TLanes"/>.</summary>
    public static void Scan<TVector, TLanes>(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        where TVector : struct
        where TLanes : struct, IScryptLanes, ILaneWords<TVector>
    {
        HeaderWork headerWork = ScryptScalarScanner.RequireScryptWork(work, hits);
        NonceRange.Check(firstNonce, count);
        ulong full = count - (count % (ulong)TLanes.Count);
        if (full > 0)
        {
            ScanBatches<TVector, TLanes>(headerWork, firstNonce, full, hits);
        }

        if (full < count)
        {
            new ScryptScalarScanner().Scan(work, (uint)(firstNonce + full), count - full, hits);
        }
    }

    private static void ScanBatches<TVector, TLanes>(HeaderWork work, uint firstNonce, ulong count, NonceHits hits)
        where TVector : struct
        where TLanes : struct, IScryptLanes, ILaneWords<TVector>
    {
        int lanes = TLanes.Count;
        var hasher = new LaneScryptHeaderHasher<TVector, TLanes>(work);
        var block = new AlignedWords(ScryptLaneRoMix.BufferWords(lanes));
        AlignedWords scratchpad = Scratchpad(ScryptLaneRoMix.ScratchpadWords(lanes));
        var digest = new AlignedWords(8 * lanes);
        byte[] hash = new byte[Hashing.Scrypt.HashSize];
        Target target = work.Target;
        for (ulong batch = 0; batch < count; batch += (ulong)lanes)
        {
            uint first = (uint)(firstNonce + batch);
            hasher.KeyFor(first);
            hasher.Expand(ref block.First);
            ScryptLaneRoMix.Mix<TLanes>(ref block.First, ref scratchpad.First);
            hasher.Finish(ref block.First, ref digest.First);
            for (int lane = 0; lane < lanes; lane++)
            {
                for (int k = 0; k < 8; k++)
                {
                    Sha256.WriteBigEndian(hash, k * 4, digest.Words[digest.Offset + (k * lanes) + lane]);
                }

                if (target.IsMetBy(hash))
                {
                    hits.Add(first + (uint)lane);
                }
            }
        }
    }

    private static AlignedWords Scratchpad(int words)
    {
        if (t_scratchpad == null || t_scratchpad.Length < words)
        {
            t_scratchpad = new AlignedWords(words);
        }

        return t_scratchpad;
    }
}
