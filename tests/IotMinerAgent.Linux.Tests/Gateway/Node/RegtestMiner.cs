using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>
/// Finds a block on a regtest template with the portable scrypt reference scanner, as the gateway core would after a
/// device's share: regtest's target 0x207fffff is met by about every second hash.
/// </summary>
public static class RegtestMiner
{
    public static UpstreamSubmission Solve(NodeTemplate template, ulong workUnit)
    {
        byte[] header = template.BuildHeader(workUnit);
        var work = new HeaderWork(Algorithms.Scrypt, header, template.NetworkTarget);
        var hits = new NonceHits();
        new ScryptScalarScanner().Scan(work, 0, 64, hits);
        Assert.True(hits.Count > 0, "no nonce in 0..63 meets the regtest target (odds 2^-64)");
        uint nonce = hits[0];
        Assert.True(template.NetworkTarget.IsMetBy(Scrypt.HashHeader(work.HeaderWithNonce(nonce))));
        return new UpstreamSubmission(template, workUnit, nonce, work.HeaderWithNonce(nonce));
    }
}
