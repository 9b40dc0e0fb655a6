namespace IotMinerAgent.Linux.Configuration;

/// <summary>The <c>demo</c> section: the local work source used when no pool is configured.</summary>
public sealed class DemoOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "demo";

    /// <summary>Share difficulty of demo jobs (sha256d convention): low, so shares show within seconds even on a Pi.</summary>
    public string ShareDifficulty { get; set; } = "0.001";

    /// <summary>Seconds between new demo jobs.</summary>
    public int JobSeconds { get; set; } = 30;
}
