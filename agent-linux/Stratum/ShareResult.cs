namespace IotMinerAgent.Linux.Stratum;

/// <summary>What became of a share.</summary>
public enum ShareOutcome
{
    /// <summary>The pool accepted it.</summary>
    Accepted,

    /// <summary>The pool rejected it for a reason other than staleness (duplicate, low difficulty, ...).</summary>
    Rejected,

    /// <summary>Its job was voided (clean_jobs, new session, another pool) before the pool took it, or the pool said so.</summary>
    Stale,

    /// <summary>Not submitted: its hash does not meet the pool's current share target.</summary>
    BelowTarget,

    /// <summary>Not submitted: the pending queue overflowed while disconnected, or the client stopped.</summary>
    Dropped,
}

/// <summary>The outcome of <see cref="StratumClient.SubmitAsync"/> and, for rejections, the pool's reason.</summary>
/// <param name="Outcome">What became of the share.</param>
/// <param name="Reason">The pool's error (code and text) or the client's reason; null when accepted.</param>
public sealed record ShareResult(ShareOutcome Outcome, string? Reason);
