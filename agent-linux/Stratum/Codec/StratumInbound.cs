using System.Text.Json;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>What a line from the pool is.</summary>
public enum StratumInboundKind
{
    /// <summary>The answer to one of the client's requests (matched by <see cref="StratumInbound.ResponseId"/>).</summary>
    Response,

    /// <summary>A server message with a method: a notification, or a request to answer when it carries an id.</summary>
    ServerMessage,
}

/// <summary>One JSON-RPC message received from a pool, detached from the line it came from.</summary>
public sealed class StratumInbound
{
    private StratumInbound(StratumInboundKind kind)
    {
        Kind = kind;
    }

    /// <summary>Response or server message.</summary>
    public StratumInboundKind Kind { get; }

    /// <summary>For a response: the numeric id of the request it answers; null when the id is not a number.</summary>
    public long? ResponseId { get; private init; }

    /// <summary>For a server message: the id exactly as sent (raw JSON), null for a notification.</summary>
    public string? RawId { get; private init; }

    /// <summary>For a server message: the method name.</summary>
    public string Method { get; private init; } = string.Empty;

    /// <summary>For a server message: the params (an array in every known method; Undefined when absent).</summary>
    public JsonElement Params { get; private init; }

    /// <summary>For a response: the result (Null on error).</summary>
    public JsonElement Result { get; private init; }

    /// <summary>For a response: the pool's error, null on success.</summary>
    public StratumError? Error { get; private init; }

    /// <summary>Creates a response.</summary>
    public static StratumInbound Response(long? id, JsonElement result, StratumError? error) =>
        new(StratumInboundKind.Response) { ResponseId = id, Result = result, Error = error };

    /// <summary>Creates a server message.</summary>
    public static StratumInbound ServerMessage(string? rawId, string method, JsonElement parameters) =>
        new(StratumInboundKind.ServerMessage) { RawId = rawId, Method = method, Params = parameters };
}
