using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>The result of <c>mining.subscribe</c>: <c>[subscriptions, extranonce1, extranonce2_size]</c>.</summary>
/// <param name="SubscriptionId">The <c>mining.notify</c> subscription id, sent back on reconnect to resume the session; null when absent.</param>
/// <param name="Extranonce1">The pool's part of the coinbase nonce.</param>
/// <param name="Extranonce2Size">Bytes of extranonce2 the miner must fill.</param>
public sealed record SubscribeResult(string? SubscriptionId, byte[] Extranonce1, int Extranonce2Size)
{
    /// <summary>Largest extranonce1 or extranonce2 accepted, in bytes.</summary>
    public const int MaxExtranonceSize = 32;

    /// <summary>Reads a subscribe result; false when extranonce1 or its size is missing or malformed.</summary>
    public static bool TryParse(JsonElement result, [NotNullWhen(true)] out SubscribeResult? subscribe)
    {
        subscribe = null;
        if (result.ValueKind != JsonValueKind.Array || result.GetArrayLength() < 3
            || !HexField.TryReadBytes(result[1], -1, MaxExtranonceSize, out byte[] extranonce1)
            || !TryReadSize(result[2], out int size))
        {
            return false;
        }

        subscribe = new SubscribeResult(FindNotifySubscription(result[0]), extranonce1, size);
        return true;
    }

    /// <summary>Reads an extranonce2 size (0..<see cref="MaxExtranonceSize"/>).</summary>
    public static bool TryReadSize(JsonElement element, out int size)
    {
        size = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out size) && size is >= 0 and <= MaxExtranonceSize;
    }

    // Pools send [["mining.set_difficulty", id], ["mining.notify", id]] or the flat pair ["mining.notify", id].
    private static string? FindNotifySubscription(JsonElement subscriptions)
    {
        if (subscriptions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        if (IsNotifyPair(subscriptions, out string? flat))
        {
            return flat;
        }

        foreach (JsonElement pair in subscriptions.EnumerateArray())
        {
            if (IsNotifyPair(pair, out string? id))
            {
                return id;
            }
        }

        return null;
    }

    private static bool IsNotifyPair(JsonElement pair, out string? id)
    {
        id = null;
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() < 2
            || pair[0].ValueKind != JsonValueKind.String || JsonText.Read(pair[0]) != StratumMethods.Notify
            || pair[1].ValueKind != JsonValueKind.String)
        {
            return false;
        }

        id = JsonText.Read(pair[1]);
        return id is { Length: > 0 and <= 128 };
    }
}
