using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>
/// The error of a Stratum response. Pools send it as <c>[code, "message", data]</c> (slush), as a JSON-RPC object
/// <c>{"code":..,"message":..}</c>, or as a bare string; all three are read here.
/// </summary>
/// <param name="Code">Numeric code; 0 when the pool sent none.</param>
/// <param name="Message">The pool's text, never empty, already escaped (<see cref="UntrustedText.Escape"/>): it is logged and published.</param>
public sealed record StratumError(int Code, string Message)
{
    /// <summary>Longest message kept, escapes and truncation mark included.</summary>
    public const int MaxMessageLength = 200;

    /// <summary>Classic code: other/unknown.</summary>
    public const int Other = 20;

    /// <summary>Classic code: job not found, i.e. the share is stale.</summary>
    public const int JobNotFound = 21;

    /// <summary>Classic code: duplicate share.</summary>
    public const int Duplicate = 22;

    /// <summary>Classic code: share above target (low difficulty).</summary>
    public const int LowDifficulty = 23;

    /// <summary>Classic code: unauthorized worker.</summary>
    public const int Unauthorized = 24;

    /// <summary>Classic code: not subscribed.</summary>
    public const int NotSubscribed = 25;

    /// <summary>True when the pool rejected the share because its job is gone (code 21, or a message saying stale).</summary>
    public bool MeansStale =>
        Code == JobNotFound || Message.Contains("stale", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an error element; null for JSON null or an absent error.</summary>
    public static StratumError? From(JsonElement error)
    {
        switch (error.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False:
                return null;
            case JsonValueKind.Array:
                int length = error.GetArrayLength();
                return Create(length > 0 ? error[0] : default, length > 1 ? error[1] : default);
            case JsonValueKind.Object:
                error.TryGetProperty("code", out JsonElement code);
                error.TryGetProperty("message", out JsonElement message);
                return Create(code, message);
            case JsonValueKind.String:
                return Create(default, error);
            default:
                return new StratumError(0, Bounded(error.GetRawText()));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Code == 0 ? Message : $"{Code} {Message}";

    private static StratumError Create(JsonElement code, JsonElement message)
    {
        int number = code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out int value) ? value : 0;
        string text = message.ValueKind == JsonValueKind.String ? JsonText.Read(message) : string.Empty;
        return new StratumError(number, text.Length == 0 ? "unspecified error" : Bounded(text));
    }

    // A reason reaches the log, the console, the outbox and MQTT: escaped once here, where it enters.
    private static string Bounded(string text) => UntrustedText.Escape(text, MaxMessageLength);
}
