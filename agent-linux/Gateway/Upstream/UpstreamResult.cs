using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>Upstream's answer to one submission.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Upstream's words for it (the pool's error, submitblock's result), empty when accepted.</param>
public sealed record UpstreamResult(ShareVerdict Verdict, string Reason);
