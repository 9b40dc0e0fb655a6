namespace IotMinerAgent.Hashing.Engines;

/// <summary>A sha256d nonce loop over whole blocks of <see cref="Lanes"/> nonces (see <see cref="Sha256dLaneScan"/> for the range handling around it).</summary>
internal interface ISha256dKernel
{
    /// <summary>Nonces per block.</summary>
    static abstract int Lanes { get; }

    /// <summary>
    /// Hashes <paramref name="blocks"/> · Lanes nonces from <paramref name="firstNonce"/> and passes every nonce whose
    /// digest word 7 could meet the target to <paramref name="confirm"/>, in ascending order.
    /// </summary>
    static abstract void Scan(Sha256dPrecomputed job, uint firstNonce, ulong blocks, Sha256dCandidates confirm);
}
