using System;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>What every SIMD sha256d engine's Scan does: check the range, run the kernel over whole blocks of lanes, hand the tail to the scalar reference.</summary>
internal static class Sha256dLaneScan
{
    /// <summary>The scalar reference: confirms candidates and scans the tails that do not fill every lane.</summary>
    public static readonly INonceScanner Scalar = new Sha256dScalarScanner();

    /// <summary>Scans [firstNonce, firstNonce + count) of sha256d header work with <typeparamref name="TKernel"/>.</summary>
    public static void Scan<TKernel>(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        where TKernel : struct, ISha256dKernel
    {
        ArgumentNullException.ThrowIfNull(hits);
        NonceRange.Check(firstNonce, count);
        HeaderWork header = RequireHeaderWork(work);
        ulong blocks = count / (ulong)TKernel.Lanes;
        if (blocks > 0)
        {
            TKernel.Scan(new Sha256dPrecomputed(header), firstNonce, blocks, new Sha256dCandidates(header, hits));
        }

        ulong done = blocks * (ulong)TKernel.Lanes;
        if (done < count)
        {
            Scalar.Scan(work, (uint)(firstNonce + done), count - done, hits);
        }
    }

    /// <summary>The work as sha256d header work, or a clear error.</summary>
    public static HeaderWork RequireHeaderWork(MiningWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work is not HeaderWork header || header.Algorithm != Algorithms.Sha256d)
        {
            throw new ArgumentException($"A sha256d engine hashes sha256d header work, not {work.Algorithm} work ({work.GetType().Name}); pick an engine for {work.Algorithm} from EngineCatalog.", nameof(work));
        }

        return header;
    }
}
