using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>A share's verdict with the source's reason.</summary>
/// <param name="Verdict">What became of the share, as the work source said it (never narrowed).</param>
/// <param name="Reason">The pool's reject reason or the source's own, or null.</param>
public sealed record ShareOutcome(ShareVerdict Verdict, string? Reason = null);
