using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>The outcome of <see cref="StratumClient.SubmitAsync"/> and, for rejections, the pool's reason.</summary>
/// <param name="Outcome">What became of the share: accepted, rejected or stale by the pool, or not sent (below target, dropped).</param>
/// <param name="Reason">The pool's error (code and text) or the client's reason; null when accepted.</param>
public sealed record ShareResult(ShareVerdict Outcome, string? Reason);
