namespace IotMinerAgent.Linux.Stratum;

/// <summary>Where a <see cref="StratumClient"/> is in its connection cycle.</summary>
public enum StratumClientState
{
    /// <summary>Not running.</summary>
    Stopped,

    /// <summary>Opening TCP/TLS and running configure, subscribe and authorize.</summary>
    Connecting,

    /// <summary>Authorized and receiving jobs: shares are submitted at once.</summary>
    Mining,

    /// <summary>Between attempts (backoff, <c>client.reconnect</c> wait): shares are queued.</summary>
    WaitingToReconnect,
}
