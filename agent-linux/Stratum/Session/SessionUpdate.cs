namespace IotMinerAgent.Linux.Stratum.Session;

/// <summary>A pool's <c>client.reconnect</c>: where to go (empty host / port 0 = same) and how long to wait first.</summary>
/// <param name="Host">Host to reconnect to; empty for the current one.</param>
/// <param name="Port">Port to reconnect to; 0 for the current one.</param>
/// <param name="WaitSeconds">Seconds to wait before reconnecting (capped).</param>
public sealed record ReconnectRequest(string Host, int Port, int WaitSeconds);

/// <summary>What applying one server message to a <see cref="StratumSession"/> asks the client to do.</summary>
public sealed class SessionUpdate
{
    /// <summary>Nothing to do.</summary>
    public static readonly SessionUpdate None = new();

    /// <summary>A <c>mining.notify</c> arrived (new or repeated): the pool is alive.</summary>
    public bool JobReceived { get; init; }

    /// <summary>Miners need new work (new job, new difficulty, new version mask).</summary>
    public bool WorkChanged { get; init; }

    /// <summary>A line to send back (answer to <c>mining.ping</c>, <c>client.get_version</c> or an unknown request).</summary>
    public string? Reply { get; init; }

    /// <summary>The pool asked for a reconnect.</summary>
    public ReconnectRequest? Reconnect { get; init; }

    /// <summary>A <c>client.show_message</c> text for the operator.</summary>
    public string? OperatorMessage { get; init; }

    /// <summary>Why the message was ignored (malformed or unknown), for the log; null when it was applied.</summary>
    public string? Problem { get; init; }

    /// <summary>An update that only reports a problem.</summary>
    public static SessionUpdate Ignored(string problem) => new() { Problem = problem };
}
