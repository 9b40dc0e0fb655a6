namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>How the gateway's MQTT side queues and judges device shares.</summary>
public sealed record GatewayLinkSettings
{
    /// <summary>Shares judged at once (each worker hashes one share at a time). Default 4.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Shares one device may have waiting; more are answered <c>rejected-rate-limited</c>. Default 16.</summary>
    public int DeviceQueueLength { get; init; } = 16;

    /// <summary>Jobs published at once (each waits for the broker's PUBACK). Default 64.</summary>
    public int JobPublishConcurrency { get; init; } = 64;

    /// <summary>The algorithm upstream mines; a work request that does not list it is refused. Null accepts any.</summary>
    public string? UpstreamAlgorithm { get; init; }
}
