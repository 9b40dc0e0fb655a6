namespace IotMinerAgent.Linux.Configuration;

/// <summary>Top-level keys of the configuration (docs/configuration.md).</summary>
public sealed class AgentOptions
{
    /// <summary>The owner's opt-in: nothing is hashed until it is true (or <c>iotminer consent --accept</c> recorded it).</summary>
    public bool Consent { get; set; }

    /// <summary>Where the agent keeps its state (consent record, share outbox). Empty: /var/lib/iotminer as root, else ~/.local/state/iotminer.</summary>
    public string StateDirectory { get; set; } = string.Empty;
}
