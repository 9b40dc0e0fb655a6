namespace IotMinerAgent.Linux.Configuration;

/// <summary>One entry of the <c>pools</c> list, in order of preference: the first is the primary.</summary>
public sealed class PoolOptions
{
    /// <summary>stratum+tcp://host:port or stratum+ssl://host:port.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The pool user, usually the payout address or account, with an optional ".worker" suffix.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>The pool password (many pools ignore it or read options from it).</summary>
    public string Password { get; set; } = "x";
}
