using System.Globalization;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>Readers for the params of the small server messages and the <c>mining.configure</c> result; none throws.</summary>
public static class ServerParams
{
    /// <summary>Longest <c>client.reconnect</c> wait honoured, in seconds; a longer one is cut to this.</summary>
    public const int MaxReconnectWaitSeconds = 600;

    /// <summary>Reads the BIP 310 answer: whether version rolling is on and the mask the pool allows.</summary>
    public static bool TryReadConfigureResult(JsonElement result, out bool versionRolling, out uint mask)
    {
        versionRolling = false;
        mask = 0;
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("version-rolling", out JsonElement enabled)
            || enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        versionRolling = enabled.GetBoolean();
        if (!versionRolling)
        {
            return true;
        }

        return result.TryGetProperty("version-rolling.mask", out JsonElement maskElement)
            && HexField.TryReadWord(maskElement, out mask);
    }

    /// <summary>
    /// Reads <c>mining.set_difficulty [difficulty]</c>: a positive number, taken from its decimal text exactly (no
    /// double rounding), so "0.001" or "1e-3" give the same fixed-point difficulty; a numeric string is tolerated.
    /// </summary>
    public static bool TryReadDifficulty(JsonElement parameters, out Difficulty difficulty)
    {
        difficulty = default;
        if (!TryFirst(parameters, out JsonElement value))
        {
            return false;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => JsonText.Read(value),
            _ => null,
        };
        return text is { Length: <= 64 } && Difficulty.TryParse(text, out difficulty) && difficulty.IsPositive;
    }

    /// <summary>Reads <c>mining.set_extranonce [extranonce1, extranonce2_size]</c>.</summary>
    public static bool TryReadExtranonce(JsonElement parameters, out byte[] extranonce1, out int extranonce2Size)
    {
        extranonce1 = System.Array.Empty<byte>();
        extranonce2Size = 0;
        return parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() >= 2
            && HexField.TryReadBytes(parameters[0], -1, SubscribeResult.MaxExtranonceSize, out extranonce1)
            && SubscribeResult.TryReadSize(parameters[1], out extranonce2Size);
    }

    /// <summary>Reads <c>mining.set_version_mask [mask]</c> (BIP 310).</summary>
    public static bool TryReadVersionMask(JsonElement parameters, out uint mask)
    {
        mask = 0;
        return TryFirst(parameters, out JsonElement value) && HexField.TryReadWord(value, out mask);
    }

    /// <summary>
    /// Reads <c>client.reconnect [host, port, wait]</c>; every param is optional. An empty host means the same host,
    /// port 0 the same port; the port may be a number or a string.
    /// </summary>
    public static bool TryReadReconnect(JsonElement parameters, out string host, out int port, out int waitSeconds)
    {
        host = string.Empty;
        port = 0;
        waitSeconds = 0;
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return true;
        }

        if (parameters.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        int count = parameters.GetArrayLength();
        bool read = (count < 1 || TryReadHost(parameters[0], out host))
            && (count < 2 || TryReadInteger(parameters[1], 0, 65535, out port))
            && (count < 3 || TryReadInteger(parameters[2], 0, int.MaxValue, out waitSeconds));
        waitSeconds = System.Math.Min(waitSeconds, MaxReconnectWaitSeconds);
        return read;
    }

    /// <summary>Longest <c>client.show_message</c> text kept, escapes and truncation mark included.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>
    /// Reads <c>client.show_message [text]</c>: the text is shown to the owner and logged, so terminal controls and
    /// bidi overrides become visible escapes (<see cref="UntrustedText.Escape"/>) and it is cut to
    /// <see cref="MaxMessageLength"/> characters.
    /// </summary>
    public static bool TryReadMessage(JsonElement parameters, out string message)
    {
        message = string.Empty;
        if (!TryFirst(parameters, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        message = UntrustedText.Escape(JsonText.Read(value), MaxMessageLength);
        return true;
    }

    private static bool TryFirst(JsonElement parameters, out JsonElement first)
    {
        bool any = parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0;
        first = any ? parameters[0] : default;
        return any;
    }

    // A host is a DNS name or an IP address: anything else (paths, spaces, control characters) is refused.
    private static bool TryReadHost(JsonElement element, out string host)
    {
        host = string.Empty;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        host = JsonText.Read(element);
        foreach (char c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or ':' or '_'))
            {
                return false;
            }
        }

        return host.Length <= 253;
    }

    private static bool TryReadInteger(JsonElement element, int min, int max, out int value)
    {
        value = 0;
        bool read = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(JsonText.Read(element), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            JsonValueKind.Null => true,
            _ => false,
        };
        return read && value >= min && value <= max;
    }
}
