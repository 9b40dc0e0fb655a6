using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>A coin whose node the gateway can mine on: its proof-of-work algorithm and the getblocktemplate rules its node requires.</summary>
public sealed class Coin
{
    /// <summary>Bitcoin: sha256d proof of work; getblocktemplate needs the segwit rule (BIP 9, BIP 145).</summary>
    public static readonly Coin Bitcoin = new("bitcoin", Algorithms.Sha256d, ["segwit"]);

    /// <summary>
    /// Litecoin: scrypt proof of work; Litecoin Core 0.21 refuses getblocktemplate unless the client also names the
    /// mweb rule ("getblocktemplate must be called with the segwit &amp; mweb rule sets").
    /// </summary>
    public static readonly Coin Litecoin = new("litecoin", Algorithms.Scrypt, ["mweb", "segwit"]);

    private Coin(string name, string algorithm, IReadOnlyList<string> templateRules)
    {
        Name = name;
        Algorithm = algorithm;
        TemplateRules = templateRules;
    }

    /// <summary>The name as configured: bitcoin or litecoin.</summary>
    public string Name { get; }

    /// <summary>The proof-of-work algorithm of its block headers.</summary>
    public string Algorithm { get; }

    /// <summary>The rules this client supports, sent in every getblocktemplate request (BIP 9 "rules").</summary>
    public IReadOnlyList<string> TemplateRules { get; }

    /// <summary>The coin named <paramref name="name"/> (bitcoin or litecoin, any case), or null.</summary>
    public static Coin? Find(string? name) =>
        string.Equals(name, Bitcoin.Name, StringComparison.OrdinalIgnoreCase) ? Bitcoin
        : string.Equals(name, Litecoin.Name, StringComparison.OrdinalIgnoreCase) ? Litecoin
        : null;
}
