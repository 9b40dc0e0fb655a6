using System.Collections.Generic;
using System.Text.Json;

namespace IotMinerAgent.Linux.Tests;

/// <summary>
/// What a hostile pool or publisher sends (issue 20): clear screen, an OSC 52 clipboard write, a CSI introduced by
/// U+009B, a carriage-return overwrite and a right-to-left override; and the check that none of it arrived raw.
/// </summary>
public static class HostileText
{
    /// <summary>ESC [ 2 J: erase the display (ECMA-48 ED).</summary>
    public const string ClearScreen = "\u001b[2J";

    /// <summary>OSC 52: set the terminal's clipboard (xterm control sequences), ended by BEL.</summary>
    public const string ClipboardWrite = "\u001b]52;c;cm0gLXJmIH4=\u0007";

    /// <summary>The 8-bit CSI (U+009B) followed by "2J".</summary>
    public const string EightBitCsi = "\u009b2J";

    /// <summary>A carriage return that would overwrite the log line with a fake success.</summary>
    public const string Overwrite = "\rAccepted share 999";

    /// <summary>RIGHT-TO-LEFT OVERRIDE (UAX #9), reversing what follows.</summary>
    public const string RightToLeft = "\u202eevil";

    /// <summary>All of them, one after the other.</summary>
    public const string All = ClearScreen + ClipboardWrite + EightBitCsi + Overwrite + RightToLeft;

    /// <summary>The escaped form a reader should see instead of the clear-screen sequence.</summary>
    public const string ClearScreenEscaped = "\\x1b[2J";

    private static readonly char[] Raw = ['\u001b', '\u0007', '\u009b', '\r', '\u202e'];

    /// <summary>Fails when <paramref name="text"/> holds ESC, BEL, U+009B, CR or U+202E.</summary>
    public static void AssertNone(string text, string where)
    {
        int at = text.IndexOfAny(Raw);
        Assert.True(at < 0, $"{where} holds raw U+{(at < 0 ? 0 : text[at]):X4} at {at}: {text}");
    }

    /// <summary>Every string value and property name of a JSON document, decoded.</summary>
    public static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (string s in Strings(property.Value))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }
}
