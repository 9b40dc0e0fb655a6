using System;
using System.Text.Json;

namespace IotMinerAgent.Linux.Text;

/// <summary>Reads JSON text from outside (a pool, a node, a device) without throwing.</summary>
internal static class JsonText
{
    /// <summary>
    /// The string's value. JSON allows an escaped unpaired surrogate (<c>"\ud800"</c>, RFC 8259 section 8.2) that
    /// System.Text.Json refuses to decode (InvalidOperationException); such a string reads as its raw JSON text, which
    /// shows the escape as sent.
    /// </summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return element.GetRawText();
        }
    }

    /// <summary>
    /// True when every string and property name in <paramref name="element"/> decodes. One that does not (an escaped
    /// unpaired surrogate) makes not only GetString but also TryGetProperty on its object throw, since property names
    /// are unescaped to be compared: a parser checks this once and refuses the document.
    /// </summary>
    public static bool AllStringsDecode(JsonElement element)
    {
        try
        {
            Walk(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
        }
    }
}
