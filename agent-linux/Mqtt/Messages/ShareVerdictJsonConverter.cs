using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>A share verdict as the text docs/mqtt.md documents for <c>result</c> (<see cref="ShareVerdictText"/>).</summary>
public sealed class ShareVerdictJsonConverter : JsonConverter<ShareVerdict>
{
    /// <inheritdoc />
    public override ShareVerdict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !ShareVerdictText.TryParse(text, out ShareVerdict verdict))
        {
            throw new JsonException($"A share result is one of the verdicts docs/mqtt.md lists (accepted, rejected, stale, ...), not {(text is null ? reader.TokenType.ToString() : "'" + UntrustedText.EscapeToAscii(text, 32) + "'")}.");
        }

        return verdict;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ShareVerdict value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ShareVerdictText.Of(value));
    }
}
