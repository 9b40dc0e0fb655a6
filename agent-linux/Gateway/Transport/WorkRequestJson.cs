using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// The <c>work_request</c> payload (docs/mqtt.md, "Work request"): <c>{"v": 1, "algos": ["sha256d"], "hashrate": 120.5}</c>.
/// Unknown fields are ignored (the contract's version policy); a payload that breaks the contract is refused with a
/// <see cref="WorkRequestFormatException"/> naming the field and what is allowed.
/// </summary>
public static class WorkRequestJson
{
    /// <summary>Longest payload read: a device writes a few dozen bytes; anything far larger is not a work request.</summary>
    public const int MaxLength = 1024;

    /// <summary>Most algorithms one request may list.</summary>
    public const int MaxAlgorithms = 8;

    const int MaxAlgorithmLength = 32;

    /// <summary>Parses a work request.</summary>
    /// <exception cref="WorkRequestFormatException">The payload is not a version 1 work request; the message says why.</exception>
    public static WorkRequest Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxLength)
        {
            throw new WorkRequestFormatException($"work_request is {payload.Length} bytes; allowed: at most {MaxLength}");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            return Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new WorkRequestFormatException($"work_request is not JSON ({exception.Message}); expected e.g. {{\"v\": 1, \"algos\": [\"sha256d\"], \"hashrate\": 120.5}}");
        }
        catch (InvalidOperationException)
        {
            // JsonText.AllStringsDecode explains: valid JSON that System.Text.Json cannot decode (an unpaired surrogate escape).
            throw new WorkRequestFormatException("work_request has a string with an unpaired surrogate escape (\\uD800-\\uDFFF alone); send valid Unicode text");
        }
    }

    /// <summary>The payload a device sends for <paramref name="request"/>.</summary>
    public static byte[] Serialize(WorkRequest request)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", MqttContract.Version);
            writer.WriteStartArray("algos");
            foreach (string algorithm in request.Algorithms)
            {
                writer.WriteStringValue(algorithm);
            }

            writer.WriteEndArray();
            writer.WriteNumber("hashrate", request.HashRate);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    static WorkRequest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WorkRequestFormatException($"work_request is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an object with v, algos and hashrate");
        }

        if (!root.TryGetProperty("v", out JsonElement version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != MqttContract.Version)
        {
            throw new WorkRequestFormatException($"work_request field v is {Describe(root, "v")}; allowed: {MqttContract.Version}");
        }

        return new WorkRequest(ReadAlgorithms(root), ReadHashRate(root));
    }

    static List<string> ReadAlgorithms(JsonElement root)
    {
        if (!root.TryGetProperty("algos", out JsonElement algos) || algos.ValueKind != JsonValueKind.Array)
        {
            throw new WorkRequestFormatException($"work_request field algos is {Describe(root, "algos")}; allowed: an array of algorithm names, e.g. [\"sha256d\"]");
        }

        int count = algos.GetArrayLength();
        if (count is 0 or > MaxAlgorithms)
        {
            throw new WorkRequestFormatException($"work_request field algos has {count} entries; allowed: 1 to {MaxAlgorithms}");
        }

        var names = new List<string>(count);
        foreach (JsonElement item in algos.EnumerateArray())
        {
            string? name = item.ValueKind == JsonValueKind.String ? JsonText.Read(item) : null;
            if (string.IsNullOrEmpty(name) || name.Length > MaxAlgorithmLength)
            {
                throw new WorkRequestFormatException($"work_request field algos holds {item.GetRawText()}; allowed: algorithm names such as \"sha256d\" or \"scrypt\"");
            }

            names.Add(name);
        }

        return names;
    }

    static double ReadHashRate(JsonElement root)
    {
        if (!root.TryGetProperty("hashrate", out JsonElement rate) || rate.ValueKind != JsonValueKind.Number
            || !rate.TryGetDouble(out double value) || !double.IsFinite(value) || value < 0)
        {
            throw new WorkRequestFormatException($"work_request field hashrate is {Describe(root, "hashrate")}; allowed: hashes per second, a number >= 0 (0 when not measured yet)");
        }

        return value;
    }

    static string Describe(JsonElement root, string field) =>
        root.TryGetProperty(field, out JsonElement value)
            ? value.GetRawText().Length <= 40 ? value.GetRawText() : value.GetRawText()[..40] + "…"
            : "missing";
}

/// <summary>A <c>work_request</c> payload that is not a version 1 work request; the message names the field and the fix.</summary>
public sealed class WorkRequestFormatException(string message) : Exception(message);
