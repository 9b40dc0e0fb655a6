using System;
using System.Globalization;
using System.Text.Json;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>Reads the hex strings of Stratum params strictly: a wrong length or a non-hex digit is an error, not a guess.</summary>
public static class HexField
{
    /// <summary>Reads a hex string of exactly <paramref name="byteCount"/> bytes, or any even length up to <paramref name="maxBytes"/> when byteCount is -1.</summary>
    public static bool TryReadBytes(JsonElement element, int byteCount, int maxBytes, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        string text = JsonText.Read(element);
        bool lengthOk = byteCount >= 0 ? text.Length == byteCount * 2 : text.Length % 2 == 0 && text.Length <= maxBytes * 2;
        if (!lengthOk || !IsHex(text))
        {
            return false;
        }

        bytes = Convert.FromHexString(text);
        return true;
    }

    /// <summary>Reads an 8-digit big-endian hex word (version, nbits, ntime of <c>mining.notify</c>).</summary>
    public static bool TryReadWord(JsonElement element, out uint word)
    {
        word = 0;
        return element.ValueKind == JsonValueKind.String
            && JsonText.Read(element) is { Length: 8 } text
            && IsHex(text)
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out word);
    }

    /// <summary>A word as 8 lowercase hex digits, zero-padded (the Stratum form of nonce, ntime and version bits).</summary>
    public static string Word(uint value) => value.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>True when every character is a hex digit.</summary>
    public static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
