namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>What upstream said about a submission.</summary>
public enum UpstreamVerdict
{
    /// <summary>The pool accepted the share.</summary>
    Accepted,

    /// <summary>The pool or node accepted it as a block.</summary>
    BlockAccepted,

    /// <summary>Upstream refused it (the reason says why).</summary>
    Rejected,

    /// <summary>Upstream has moved on from its job or block.</summary>
    Stale,

    /// <summary>Upstream could not be reached; the share was not judged.</summary>
    Unreachable,
}

/// <summary>Upstream's answer to one submission.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Upstream's words for it (the pool's error, submitblock's result), empty when accepted.</param>
public sealed record UpstreamResult(UpstreamVerdict Verdict, string Reason);
