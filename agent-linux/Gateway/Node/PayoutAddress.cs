using System;
using System.Linq;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// Turns the owner's payout address into the output script the coinbase pays: P2PKH and P2SH from base58check,
/// segwit v0 (P2WPKH, P2WSH) and v1+ (P2TR) from bech32/bech32m, each only with its own network's prefix.
/// </summary>
public static class PayoutAddress
{
    /// <summary>The output script (scriptPubKey) paying <paramref name="address"/> on <paramref name="network"/>.</summary>
    /// <exception cref="PayoutAddressException">
    /// When the address is malformed, fails its checksum or belongs to another network; the message says which and
    /// what this network's addresses start with.
    /// </exception>
    public static byte[] ToScript(string address, CoinNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        string text = (address ?? string.Empty).Trim();
        if (TryToScript(text, network, out byte[] script, out string problem))
        {
            return script;
        }

        foreach (CoinNetwork other in CoinNetwork.All)
        {
            if (other != network && TryToScript(text, other, out _, out _))
            {
                throw new PayoutAddressException(
                    $"Payout address '{text}' is a {other.Name} address, but the node runs {network.Name}: give a {network.Name} address (starting with {network.AddressPrefixes}).");
            }
        }

        throw new PayoutAddressException(
            $"Payout address '{text}' is not a valid {network.Name} address: {problem}. Give an address starting with {network.AddressPrefixes}.");
    }

    /// <summary>
    /// Checks, before the node's chain is known, that <paramref name="address"/> is valid on one of
    /// <paramref name="coin"/>'s networks; returns null when it is, else what is wrong and what to give instead.
    /// </summary>
    public static string? ProblemForCoin(string address, Coin coin)
    {
        ArgumentNullException.ThrowIfNull(coin);
        string text = (address ?? string.Empty).Trim();
        string? problemOfLikeliest = null;
        foreach (CoinNetwork network in CoinNetwork.All)
        {
            if (network.Coin != coin)
            {
                continue;
            }

            if (TryToScript(text, network, out _, out string problem))
            {
                return null;
            }

            // Report the problem of the network whose segwit prefix the address has, else of the mainnet.
            if (problemOfLikeliest is null || text.StartsWith(network.Bech32Hrp + "1", StringComparison.OrdinalIgnoreCase))
            {
                problemOfLikeliest = problem;
            }
        }

        foreach (CoinNetwork other in CoinNetwork.All)
        {
            if (other.Coin != coin && TryToScript(text, other, out _, out _))
            {
                return $"'{text}' is a {other.Name} address, not a {coin.Name} address. Give one starting with {Prefixes(coin)}.";
            }
        }

        return $"'{text}' is not a {coin.Name} address: {problemOfLikeliest}. Give one starting with {Prefixes(coin)}.";
    }

    /// <summary>Decodes <paramref name="address"/> for one network; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryToScript(string address, CoinNetwork network, out byte[] script, out string problem)
    {
        ArgumentNullException.ThrowIfNull(network);
        script = [];
        if (string.IsNullOrEmpty(address))
        {
            problem = "it is empty";
            return false;
        }

        if (network.MwebHrp is { } mweb && address.StartsWith(mweb + "1", StringComparison.OrdinalIgnoreCase))
        {
            problem = "it is an MWEB address, which a coinbase output cannot pay (MWEB coins are only reachable by pegging in)";
            return false;
        }

        if (address.StartsWith(network.Bech32Hrp + "1", StringComparison.OrdinalIgnoreCase))
        {
            return SegwitAddress.TryDecode(address, network.Bech32Hrp, out script, out problem);
        }

        if (!Base58Check.TryDecode(address, out byte[] payload, out problem))
        {
            // Well-formed bech32 with another prefix says more than "not base58".
            if (SegwitAddress.TryReadPrefix(address, out string hrp))
            {
                problem = $"its prefix '{hrp}1' is not this network's '{network.Bech32Hrp}1'";
            }

            return false;
        }

        return TryLegacyScript(payload, network, out script, out problem);
    }

    /// <summary>"1, 3 or bc1 (main); m, n, 2 or tb1 (test, testnet4); …": chains that write addresses alike share an entry.</summary>
    private static string Prefixes(Coin coin) =>
        string.Join("; ", CoinNetwork.All
            .Where(network => network.Coin == coin)
            .GroupBy(network => network.AddressPrefixes)
            .Select(chains => $"{chains.Key} ({string.Join(", ", chains.Select(network => network.Chain))})"));

    private static bool IsScriptHashVersion(CoinNetwork network, byte version)
    {
        foreach (byte scriptHash in network.ScriptHashVersions)
        {
            if (scriptHash == version)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryLegacyScript(byte[] payload, CoinNetwork network, out byte[] script, out string problem)
    {
        script = [];
        if (payload.Length != 21)
        {
            problem = $"it holds {payload.Length} bytes, not a version byte and a 20-byte hash";
            return false;
        }

        byte version = payload[0];
        ReadOnlySpan<byte> hash = payload.AsSpan(1);
        if (version == network.PubKeyHashVersion)
        {
            // P2PKH: OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG
            script = [0x76, 0xa9, 0x14, .. hash, 0x88, 0xac];
        }
        else if (IsScriptHashVersion(network, version))
        {
            // P2SH (BIP 16): OP_HASH160 <20> OP_EQUAL
            script = [0xa9, 0x14, .. hash, 0x87];
        }
        else
        {
            problem = $"its version byte {version} is not one of this network's ({network.PubKeyHashVersion} for P2PKH, {string.Join(" or ", network.ScriptHashVersions)} for P2SH)";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
