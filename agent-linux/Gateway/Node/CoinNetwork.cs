using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// One chain of a coin and how its addresses are written: the base58check version bytes and the bech32 human-readable
/// part. Values from Bitcoin Core's and Litecoin Core 0.21's src/chainparams.cpp (base58Prefixes, bech32_hrp, mweb_hrp).
/// </summary>
public sealed class CoinNetwork
{
    private CoinNetwork(Coin coin, string chain, byte pubKeyHashVersion, byte[] scriptHashVersions, string bech32Hrp, string? mwebHrp, string addressPrefixes)
    {
        Coin = coin;
        Chain = chain;
        PubKeyHashVersion = pubKeyHashVersion;
        ScriptHashVersions = scriptHashVersions;
        Bech32Hrp = bech32Hrp;
        MwebHrp = mwebHrp;
        AddressPrefixes = addressPrefixes;
    }

    /// <summary>
    /// Every network the gateway knows, mainnets first. Not signet: its blocks need a signet solution in the coinbase
    /// (BIP 325), which this gateway does not build.
    /// </summary>
    public static IReadOnlyList<CoinNetwork> All { get; } =
    [
        new(Coin.Bitcoin, "main", 0, [5], "bc", null, "1, 3 or bc1"),
        new(Coin.Litecoin, "main", 48, [50, 5], "ltc", "ltcmweb", "L, M, 3 or ltc1"),
        new(Coin.Bitcoin, "test", 111, [196], "tb", null, "m, n, 2 or tb1"),
        new(Coin.Bitcoin, "testnet4", 111, [196], "tb", null, "m, n, 2 or tb1"),
        new(Coin.Litecoin, "test", 111, [58, 196], "tltc", "tmweb", "m, n, Q, 2 or tltc1"),
        new(Coin.Bitcoin, "regtest", 111, [196], "bcrt", null, "m, n, 2 or bcrt1"),
        new(Coin.Litecoin, "regtest", 111, [58, 196], "rltc", "tmweb", "m, n, Q, 2 or rltc1"),
    ];

    /// <summary>The coin.</summary>
    public Coin Coin { get; }

    /// <summary>The chain as getblockchaininfo names it: main, test, testnet4 or regtest.</summary>
    public string Chain { get; }

    /// <summary>"litecoin regtest", for messages.</summary>
    public string Name => $"{Coin.Name} {Chain}";

    /// <summary>Version byte of pay-to-public-key-hash addresses (PUBKEY_ADDRESS).</summary>
    public byte PubKeyHashVersion { get; }

    /// <summary>Version bytes of pay-to-script-hash addresses (SCRIPT_ADDRESS, and Litecoin's SCRIPT_ADDRESS2 first).</summary>
    public IReadOnlyList<byte> ScriptHashVersions { get; }

    /// <summary>Human-readable part of segwit addresses (BIP 173).</summary>
    public string Bech32Hrp { get; }

    /// <summary>Human-readable part of Litecoin's MWEB addresses, which no coinbase can pay; null for Bitcoin.</summary>
    public string? MwebHrp { get; }

    /// <summary>How this network's addresses start, for messages ("m, n, Q, 2 or rltc1").</summary>
    public string AddressPrefixes { get; }

    /// <summary>The network of <paramref name="coin"/> that getblockchaininfo calls <paramref name="chain"/>, or null.</summary>
    public static CoinNetwork? Find(Coin coin, string chain)
    {
        foreach (CoinNetwork network in All)
        {
            if (network.Coin == coin && string.Equals(network.Chain, chain, StringComparison.Ordinal))
            {
                return network;
            }
        }

        return null;
    }
}
