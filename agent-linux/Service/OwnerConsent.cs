using System;
using System.IO;
using System.Text.Json;

namespace IotMinerAgent.Linux.Service;

/// <summary>What a configuration file says about the owner's consent.</summary>
/// <param name="IsGiven">True only when the file has <c>"consent": true</c> at the top level.</param>
/// <param name="Summary">For the owner, e.g. "consent: true", "consent: false", "cannot read it: …".</param>
public sealed record ConsentReading(bool IsGiven, string Summary);

/// <summary>
/// Reads the top-level <c>consent</c> key the way the agent's configuration does (.NET's JSON configuration provider:
/// comments and trailing commas allowed, keys case-insensitive, <c>true</c> or <c>"true"</c>). The installers start
/// the service only when it is given; the agent checks it again itself before hashing.
/// </summary>
public static class OwnerConsent
{
    private static readonly JsonDocumentOptions ConfigurationJson = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the consent in the configuration file at <paramref name="path"/>.</summary>
    public static ConsentReading Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConsentReading(false, $"cannot read it: {ex.Message}");
        }

        return Parse(text);
    }

    /// <summary>Reads the consent in configuration text.</summary>
    public static ConsentReading Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, ConfigurationJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ConsentReading(false, "not a JSON object: the configuration must be { ... }");
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "consent", StringComparison.OrdinalIgnoreCase))
                {
                    return FromValue(property.Value);
                }
            }

            return new ConsentReading(false, "consent: not set (false)");
        }
        catch (JsonException ex)
        {
            return new ConsentReading(false, $"not valid JSON: {ex.Message}");
        }
    }

    private static ConsentReading FromValue(JsonElement value)
    {
        bool? given = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out bool parsed) => parsed,
            _ => null,
        };
        return given switch
        {
            true => new ConsentReading(true, "consent: true"),
            false => new ConsentReading(false, "consent: false"),
            _ => new ConsentReading(false, $"consent: {value.GetRawText()} is not true or false"),
        };
    }
}
