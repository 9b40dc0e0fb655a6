namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>How the gateway's MQTT side queues and judges device shares.</summary>
public sealed record GatewayLinkSettings
{
    /// <summary>Shares judged at once (each worker hashes one share at a time). Default 4.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>
    /// Judged shares whose ledger commit (and so whose verdict) may be outstanding at once. A worker hands each share
    /// it judged to the ledger's group commit and takes the next one, so a commit carries every share judged while the
    /// previous one flushed; this bounds the memory that holds. Default 4096 (two of the ledgers' largest batches).
    /// </summary>
    public int SharesAwaitingCommit { get; init; } = 4096;

    /// <summary>Shares one device may have waiting; more are answered <c>rejected-rate-limited</c>. Default 16.</summary>
    public int DeviceQueueLength { get; init; } = 16;

    /// <summary>Jobs published at once (each waits for the broker's PUBACK). Default 64.</summary>
    public int JobPublishConcurrency { get; init; } = 64;

    /// <summary>Verdicts published at once (each waits for the broker's PUBACK); they start in the order decided. Default 64.</summary>
    public int VerdictPublishConcurrency { get; init; } = 64;

    /// <summary>The default of <see cref="SessionExpirySeconds"/>: a day, long enough to ride out a gateway host's outage.</summary>
    public const uint DefaultSessionExpirySeconds = 86_400;

    /// <summary>
    /// <c>gateway:mqtt:sessionExpirySeconds</c>: the MQTT 5 session expiry interval (§3.1.2.11.2). Above 0 the gateway
    /// connects with clean start off, so the broker keeps its session (its shared subscriptions) and queues the devices'
    /// shares for it while no gateway is connected, for at most this long; 0 starts a clean session every time.
    /// </summary>
    public uint SessionExpirySeconds { get; init; } = DefaultSessionExpirySeconds;

    /// <summary>The algorithm upstream mines; a work request that does not list it is refused. Null accepts any.</summary>
    public string? UpstreamAlgorithm { get; init; }
}
