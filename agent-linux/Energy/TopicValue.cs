using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// Reads a number from a topic's payload as Home Assistant and smart plugs publish it: a plain number (<c>0.41</c>,
/// what HA's MQTT statestream and most integrations send), a JSON number, or a JSON object with a <c>value</c> or
/// <c>state</c> field holding a number or a numeric string. Anything else (HA's <c>unavailable</c> and
/// <c>unknown</c>, NaN, text) is not a value.
/// </summary>
public static class TopicValue
{
    /// <summary>Payloads above this are not values: a number never needs more, and a long payload is not logged whole.</summary>
    public const int MaxPayloadBytes = 1024;

    /// <summary>Parses <paramref name="payload"/>; false when it carries no finite number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out double value)
    {
        value = 0;
        if (payload.Length == 0 || payload.Length > MaxPayloadBytes)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload).Trim();
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (TryNumber(text, out value))
        {
            return true;
        }

        return text.StartsWith('{') && TryJsonObject(text, out value);
    }

    private static bool TryJsonObject(string text, out double value)
    {
        value = 0;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !JsonText.AllStringsDecode(root))
            {
                return false;
            }

            foreach (string name in new[] { "value", "state" })
            {
                if (!root.TryGetProperty(name, out JsonElement field))
                {
                    continue;
                }

                return field.ValueKind switch
                {
                    JsonValueKind.Number => field.TryGetDouble(out value) && double.IsFinite(value),
                    JsonValueKind.String => TryNumber(JsonText.Read(field).Trim(), out value),
                    _ => false,
                };
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryNumber(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
