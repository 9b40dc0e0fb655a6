using System;
using System.Text.Json;

namespace IotMinerAgent.Linux.Text;

/// <summary>Reads a JSON string from outside (a pool, a node) without throwing.</summary>
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
}
