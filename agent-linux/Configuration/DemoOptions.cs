namespace IotMinerAgent.Linux.Configuration;

/// <summary>The <c>demo</c> section: the local work source used when no pool is configured.</summary>
public sealed class DemoOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "demo";

    /// <summary>The <see cref="ShareDifficulty"/> that follows the measured hash rate (a share about every 5 s).</summary>
    public const string AutoDifficulty = "auto";

    /// <summary>
    /// Share difficulty of demo jobs in the pool convention of the algorithm, or <c>auto</c>: chosen from the hash
    /// rate measured on this board, so shares show every few seconds on a Pi and on a fast PC alike.
    /// </summary>
    public string ShareDifficulty { get; set; } = AutoDifficulty;

    /// <summary>Seconds between new demo jobs.</summary>
    public int JobSeconds { get; set; } = 30;
}
