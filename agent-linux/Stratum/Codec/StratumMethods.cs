namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>Method names of Stratum V1 (the slush pool specification) and its extensions (BIP 310, NiceHash).</summary>
public static class StratumMethods
{
    /// <summary>BIP 310 extension negotiation, sent first.</summary>
    public const string Configure = "mining.configure";

    /// <summary>Opens a session; the result carries extranonce1 and extranonce2_size.</summary>
    public const string Subscribe = "mining.subscribe";

    /// <summary>Authorizes a worker; the result is true or false.</summary>
    public const string Authorize = "mining.authorize";

    /// <summary>Proposes a share difficulty to the pool.</summary>
    public const string SuggestDifficulty = "mining.suggest_difficulty";

    /// <summary>NiceHash extension: lets the pool send <see cref="SetExtranonce"/>.</summary>
    public const string ExtranonceSubscribe = "mining.extranonce.subscribe";

    /// <summary>Submits a share.</summary>
    public const string Submit = "mining.submit";

    /// <summary>A new job.</summary>
    public const string Notify = "mining.notify";

    /// <summary>The share difficulty from now on.</summary>
    public const string SetDifficulty = "mining.set_difficulty";

    /// <summary>A new extranonce1 and extranonce2_size for the following jobs.</summary>
    public const string SetExtranonce = "mining.set_extranonce";

    /// <summary>BIP 310: a new version-rolling mask.</summary>
    public const string SetVersionMask = "mining.set_version_mask";

    /// <summary>Liveness check; answered with "pong".</summary>
    public const string Ping = "mining.ping";

    /// <summary>The pool asks the client to reconnect, optionally elsewhere, after a wait.</summary>
    public const string Reconnect = "client.reconnect";

    /// <summary>The pool asks for the client's name and version.</summary>
    public const string GetVersion = "client.get_version";

    /// <summary>A human-readable message from the pool operator.</summary>
    public const string ShowMessage = "client.show_message";
}
