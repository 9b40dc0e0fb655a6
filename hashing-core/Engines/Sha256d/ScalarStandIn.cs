namespace IotMinerAgent.Hashing;

/// <summary>TEMPORARY stand-in until the core branch's Sha256dScalarScanner is merged (deleted at that merge).</summary>
public sealed class Sha256dScalarScanner : INonceScanner
{
    /// <inheritdoc />
    public string Name => "scalar";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Sha256d;

    /// <inheritdoc />
    public int Lanes => 1;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
    {
        NonceRange.Check(firstNonce, count);
        HeaderWork header = (HeaderWork)work;
        for (ulong i = 0; i < count; i++)
        {
            uint nonce = (uint)(firstNonce + i);
            if (header.Target.IsMetBy(Sha256.Hash(Sha256.Hash(header.HeaderWithNonce(nonce)))))
            {
                hits.Add(nonce);
            }
        }
    }
}
