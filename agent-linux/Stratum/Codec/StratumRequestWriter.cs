using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>
/// Formats the lines the client sends: JSON-RPC requests <c>{"id":n,"method":..,"params":[..]}</c> and answers to the
/// pool's requests <c>{"id":..,"result":..,"error":null}</c>. Returned without the newline (the transport adds it);
/// the JSON writer escapes control characters, so a line can never contain one.
/// </summary>
public static class StratumRequestWriter
{
    // Relaxed escaping keeps worker names such as "wallet+tag" readable; control characters are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>BIP 310 <c>mining.configure</c> asking for version rolling under <paramref name="mask"/>.</summary>
    public static string Configure(long id, uint mask) => Request(id, StratumMethods.Configure, writer =>
    {
        writer.WriteStartArray();
        writer.WriteStringValue("version-rolling");
        writer.WriteEndArray();
        writer.WriteStartObject();
        writer.WriteString("version-rolling.mask", HexField.Word(mask));
        writer.WriteNumber("version-rolling.min-bit-count", 2);
        writer.WriteEndObject();
    });

    /// <summary><c>mining.subscribe [agent]</c>, or <c>[agent, subscription id]</c> to resume a session.</summary>
    public static string Subscribe(long id, string userAgent, string? resumeSubscriptionId) => Request(id, StratumMethods.Subscribe, writer =>
    {
        writer.WriteStringValue(userAgent);
        if (!string.IsNullOrEmpty(resumeSubscriptionId))
        {
            writer.WriteStringValue(resumeSubscriptionId);
        }
    });

    /// <summary><c>mining.authorize [user, password]</c>.</summary>
    public static string Authorize(long id, string user, string password) => Request(id, StratumMethods.Authorize, writer =>
    {
        writer.WriteStringValue(user);
        writer.WriteStringValue(password);
    });

    /// <summary><c>mining.suggest_difficulty [difficulty]</c>.</summary>
    public static string SuggestDifficulty(long id, double difficulty) =>
        Request(id, StratumMethods.SuggestDifficulty, writer => writer.WriteNumberValue(difficulty));

    /// <summary><c>mining.extranonce.subscribe []</c>.</summary>
    public static string ExtranonceSubscribe(long id) => Request(id, StratumMethods.ExtranonceSubscribe, _ => { });

    /// <summary><c>mining.submit</c> with zero-padded hex fields.</summary>
    public static string Submit(long id, SubmitParams share) => Request(id, StratumMethods.Submit, writer =>
    {
        foreach (string value in share.ToWire())
        {
            writer.WriteStringValue(value);
        }
    });

    /// <summary>A successful answer with a string result to the pool request whose raw id was <paramref name="rawId"/>.</summary>
    public static string Result(string rawId, string result) => Line(writer =>
    {
        WriteRawId(writer, rawId);
        writer.WriteString("result", result);
        writer.WriteNull("error");
    });

    /// <summary>An error answer <c>[code, message, null]</c> to the pool request whose raw id was <paramref name="rawId"/>.</summary>
    public static string Error(string rawId, int code, string message) => Line(writer =>
    {
        WriteRawId(writer, rawId);
        writer.WriteNull("result");
        writer.WriteStartArray("error");
        writer.WriteNumberValue(code);
        writer.WriteStringValue(message);
        writer.WriteNullValue();
        writer.WriteEndArray();
    });

    private static string Request(long id, string method, Action<Utf8JsonWriter> writeParams) => Line(writer =>
    {
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WriteStartArray("params");
        writeParams(writer);
        writer.WriteEndArray();
    });

    // The id came from the parser as the raw text of a JSON number or string, so it is valid JSON to echo.
    private static void WriteRawId(Utf8JsonWriter writer, string rawId)
    {
        writer.WritePropertyName("id");
        writer.WriteRawValue(rawId, skipInputValidation: false);
    }

    private static string Line(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
