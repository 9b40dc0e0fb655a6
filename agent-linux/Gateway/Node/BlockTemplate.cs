using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// The fields of a getblocktemplate answer (BIP 22, BIP 23, BIP 145) that a block is built from. Hashes are kept in raw
/// byte order, the reverse of the hex the node prints.
/// </summary>
public sealed class BlockTemplate
{
    /// <summary>Rules a client must understand to use the template (BIP 9: the "!" prefix); segwit is built in.</summary>
    private static readonly string[] UnderstoodMandatoryRules = ["!segwit"];

    /// <summary>The header's version field.</summary>
    public required uint Version { get; init; }

    /// <summary>The tip to build on, raw byte order (as in the header).</summary>
    public required byte[] PreviousBlockHash { get; init; }

    /// <summary>The tip to build on as the node prints it.</summary>
    public required string PreviousBlockHashHex { get; init; }

    /// <summary>The transactions after the coinbase, in block order.</summary>
    public required IReadOnlyList<TemplateTransaction> Transactions { get; init; }

    /// <summary>Subsidy plus fees the coinbase may pay, in the coin's smallest unit.</summary>
    public required long CoinbaseValue { get; init; }

    /// <summary>The compact target (nBits).</summary>
    public required uint Bits { get; init; }

    /// <summary>The node's time for the header (Unix seconds).</summary>
    public required uint CurTime { get; init; }

    /// <summary>The new block's height.</summary>
    public required long Height { get; init; }

    /// <summary>The BIP 141 commitment output script the node computed (default_witness_commitment, BIP 145), or null.</summary>
    public required byte[]? DefaultWitnessCommitment { get; init; }

    /// <summary>Parses the result of getblocktemplate.</summary>
    /// <exception cref="BlockTemplateException">
    /// When a field is missing or malformed, the template needs a rule this gateway does not implement, or it carries
    /// Litecoin MWEB data (not supported yet: a block without the MWEB extension would be invalid).
    /// </exception>
    public static BlockTemplate Parse(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new BlockTemplateException($"getblocktemplate returned {result.ValueKind}, not a template object.");
        }

        if (result.TryGetProperty("mweb", out _))
        {
            throw new BlockTemplateException(
                "The node's block template carries MWEB data (Litecoin's MWEB extension block is active on this chain): " +
                "building MWEB blocks is not supported yet, and a block without it would be invalid. " +
                "Mine this chain through a Stratum pool instead.");
        }

        RequireUnderstoodRules(result);
        try
        {
            string previous = RequiredString(result, "previousblockhash");
            return new BlockTemplate
            {
                Version = unchecked((uint)result.GetProperty("version").GetInt64()),
                PreviousBlockHash = HashFromHex(previous, "previousblockhash"),
                PreviousBlockHashHex = previous,
                Transactions = ParseTransactions(result.GetProperty("transactions")),
                CoinbaseValue = result.GetProperty("coinbasevalue").GetInt64(),
                Bits = uint.Parse(RequiredString(result, "bits"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                CurTime = result.GetProperty("curtime").GetUInt32(),
                Height = result.GetProperty("height").GetInt64(),
                DefaultWitnessCommitment = result.TryGetProperty("default_witness_commitment", out JsonElement commitment)
                    ? Hex.Decode(commitment.GetString() ?? string.Empty)
                    : null,
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BlockTemplateException($"The node's block template is malformed: {e.Message}", e);
        }
    }

    private static void RequireUnderstoodRules(JsonElement result)
    {
        if (!result.TryGetProperty("rules", out JsonElement rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement rule in rules.EnumerateArray())
        {
            string name = rule.GetString() ?? string.Empty;
            if (name.StartsWith('!') && Array.IndexOf(UnderstoodMandatoryRules, name) < 0)
            {
                throw new BlockTemplateException(
                    $"The node's block template requires rule '{name[1..]}', which this gateway does not implement; it will not build a block the node would reject.");
            }
        }
    }

    private static List<TemplateTransaction> ParseTransactions(JsonElement transactions)
    {
        var parsed = new List<TemplateTransaction>(transactions.GetArrayLength());
        foreach (JsonElement transaction in transactions.EnumerateArray())
        {
            byte[] txid = HashFromHex(RequiredString(transaction, "txid"), "txid");
            byte[] wtxid = transaction.TryGetProperty("hash", out JsonElement hash)
                ? HashFromHex(hash.GetString() ?? string.Empty, "hash")
                : txid;
            parsed.Add(new TemplateTransaction(Hex.Decode(RequiredString(transaction, "data")), txid, wtxid));
        }

        return parsed;
    }

    private static string RequiredString(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.");

    private static byte[] HashFromHex(string hex, string name) =>
        hex.Length == 64 ? Hex.DecodeReversed(hex) : throw new FormatException($"'{name}' is not 64 hex digits: '{hex}'.");
}
