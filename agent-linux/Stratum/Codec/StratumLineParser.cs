using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>
/// Parses one line from a pool into a <see cref="StratumInbound"/>. Never throws: anything that is not a JSON object
/// with a method or an id yields false and a description for the log.
/// </summary>
public static class StratumLineParser
{
    /// <summary>Nesting depth allowed; real Stratum messages are 3 levels deep.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Parses <paramref name="line"/>; on failure <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string line, [NotNullWhen(true)] out StratumInbound? message, out string problem)
    {
        message = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException error)
        {
            // The parser's message may quote the offending character: escaped like any pool text before it is logged.
            problem = "not JSON: " + UntrustedText.Escape(error.Message, 200);
            return false;
        }
        catch (ArgumentException)
        {
            // A line decoded from UTF-8 cannot hold an unpaired surrogate, but a caller's string can.
            problem = "not text: the line holds an unpaired surrogate";
            return false;
        }

        using (document)
        {
            if (!JsonText.AllStringsDecode(document.RootElement))
            {
                problem = "a string holds an unpaired surrogate escape (\\uD800-\\uDFFF alone), which is not text";
                return false;
            }

            return TryRead(document.RootElement, out message, out problem);
        }
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out StratumInbound? message, out string problem)
    {
        message = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"a JSON {root.ValueKind} where a JSON-RPC object was expected";
            return false;
        }

        root.TryGetProperty("id", out JsonElement id);
        if (root.TryGetProperty("method", out JsonElement method))
        {
            string name = method.ValueKind == JsonValueKind.String ? JsonText.Read(method) : string.Empty;
            if (name.Length == 0)
            {
                problem = "the method is not a non-empty string";
                return false;
            }

            root.TryGetProperty("params", out JsonElement parameters);
            string? rawId = id.ValueKind is JsonValueKind.Number or JsonValueKind.String ? id.GetRawText() : null;
            message = StratumInbound.ServerMessage(rawId, name, Detach(parameters));
            problem = string.Empty;
            return true;
        }

        bool hasResult = root.TryGetProperty("result", out JsonElement result);
        bool hasError = root.TryGetProperty("error", out JsonElement error);
        if (!hasResult && !hasError)
        {
            problem = "neither a method nor a result nor an error";
            return false;
        }

        message = StratumInbound.Response(ReadId(id), Detach(result), StratumError.From(error));
        problem = string.Empty;
        return true;
    }

    // An absent property is a default JsonElement, which cannot be cloned.
    private static JsonElement Detach(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? default : element.Clone();

    private static long? ReadId(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Number when id.TryGetInt64(out long number) => number,
        JsonValueKind.String when long.TryParse(JsonText.Read(id), NumberStyles.None, CultureInfo.InvariantCulture, out long number) => number,
        _ => null,
    };
}
