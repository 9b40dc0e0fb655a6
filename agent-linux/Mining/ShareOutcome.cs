namespace IotMinerAgent.Linux.Mining;

/// <summary>What the work source said about a share.</summary>
public enum ShareVerdict
{
    /// <summary>Accepted by the pool (or the node, or the demo source).</summary>
    Accepted,

    /// <summary>Refused; see the reason.</summary>
    Rejected,

    /// <summary>Its job was no longer current.</summary>
    Stale,
}

/// <summary>A share's verdict with the source's reason.</summary>
/// <param name="Verdict">Accepted, rejected or stale.</param>
/// <param name="Reason">The pool's reject reason, or null.</param>
public sealed record ShareOutcome(ShareVerdict Verdict, string? Reason = null);
