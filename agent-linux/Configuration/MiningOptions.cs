namespace IotMinerAgent.Linux.Configuration;

/// <summary>The <c>mining</c> section: what to hash and with how many threads.</summary>
public sealed class MiningOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "mining";

    /// <summary>sha256d or scrypt.</summary>
    public string Algorithm { get; set; } = "sha256d";

    /// <summary>Worker threads: 0 for one per core, else 1..cores.</summary>
    public int Threads { get; set; }

    /// <summary>"auto" for the fastest engine this CPU supports, or an engine name from <c>iotminer bench --list-engines</c>.</summary>
    public string Engine { get; set; } = "auto";
}
