using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// The <c>gateway:node</c> section: solo mining on the owner's own Bitcoin or Litecoin node through getblocktemplate
/// and submitblock. <see cref="Validate"/> names every problem with its key and the fix.
/// </summary>
public sealed class NodeUpstreamOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "gateway:node";

    private const string Prefix = Section + ":";

    /// <summary>The node's RPC endpoint, e.g. http://127.0.0.1:9332 (litecoin) or http://127.0.0.1:8332 (bitcoin).</summary>
    [ConfigurationKeyName("rpcUrl")]
    public string RpcUrl { get; set; } = string.Empty;

    /// <summary>The node's rpcuser; with <see cref="RpcPassword"/>, instead of the cookie file.</summary>
    [ConfigurationKeyName("rpcUser")]
    public string RpcUser { get; set; } = string.Empty;

    /// <summary>The node's rpcpassword.</summary>
    [ConfigurationKeyName("rpcPassword")]
    public string RpcPassword { get; set; } = string.Empty;

    /// <summary>The node's cookie file (datadir/.cookie), instead of user and password.</summary>
    [ConfigurationKeyName("rpcCookieFile")]
    public string RpcCookieFile { get; set; } = string.Empty;

    /// <summary>The owner's address the block reward goes to, on the node's network.</summary>
    [ConfigurationKeyName("payoutAddress")]
    public string PayoutAddress { get; set; } = string.Empty;

    /// <summary>bitcoin (sha256d) or litecoin (scrypt).</summary>
    [ConfigurationKeyName("coin")]
    public string Coin { get; set; } = string.Empty;

    /// <summary>Seconds between getblocktemplate calls (0.1..600).</summary>
    [ConfigurationKeyName("pollIntervalSeconds")]
    public double PollIntervalSeconds { get; set; } = 5;

    // The derived values below are methods, not properties: the configuration binder (source-generated when the .deb is
    // trimmed) would try to bind a property of a type it cannot construct (SYSLIB1100).

    /// <summary>The configured coin; valid after <see cref="Validate"/> reported no problem.</summary>
    public Coin ResolveCoin() => Node.Coin.Find(Coin) ?? throw new InvalidOperationException($"{Prefix}coin is not valid; call Validate first.");

    /// <summary>The node's RPC endpoint; valid after <see cref="Validate"/> reported no problem.</summary>
    public Uri ParsedRpcUrl => new(RpcUrl);

    /// <summary>The poll interval; valid after <see cref="Validate"/> reported no problem.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    /// <summary>The credentials to log in with; valid after <see cref="Validate"/> reported no problem.</summary>
    public NodeRpcCredentials ResolveCredentials() => RpcCookieFile.Length > 0
        ? NodeRpcCredentials.FromCookieFile(RpcCookieFile)
        : NodeRpcCredentials.FromPassword(RpcUser, RpcPassword);

    /// <summary>Every problem with these settings, each naming the key and the fix; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        ValidateUrl(problems);
        ValidateCredentials(problems);
        Coin? coin = Node.Coin.Find(Coin);
        if (coin is null)
        {
            problems.Add($"{Prefix}coin '{Coin}' is not supported: use bitcoin or litecoin.");
        }
        else
        {
            ValidatePayoutAddress(coin, problems);
        }

        if (!(PollIntervalSeconds >= 0.1 && PollIntervalSeconds <= 600))
        {
            problems.Add($"{Prefix}pollIntervalSeconds {PollIntervalSeconds} is out of range: use 0.1..600 seconds (5 is a good default).");
        }

        return problems;
    }

    private void ValidateUrl(List<string> problems)
    {
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{Prefix}rpcUrl '{RpcUrl}' is not an http:// URL: give the node's RPC address, e.g. http://127.0.0.1:9332 (litecoin) or http://127.0.0.1:8332 (bitcoin).");
        }
        else if (url.UserInfo.Length > 0)
        {
            problems.Add($"{Prefix}rpcUrl carries a user name or password: remove it from the URL and set {Prefix}rpcUser and rpcPassword (or rpcCookieFile).");
        }
    }

    private void ValidateCredentials(List<string> problems)
    {
        bool cookie = RpcCookieFile.Length > 0;
        bool password = RpcUser.Length > 0 || RpcPassword.Length > 0;
        if (cookie && password)
        {
            problems.Add($"{Prefix}rpcCookieFile and {Prefix}rpcUser/{Prefix}rpcPassword are both set: use one way to log in to the node.");
        }
        else if (!cookie && !password)
        {
            problems.Add($"{Section}: no node credentials: set {Prefix}rpcCookieFile to the node's datadir/.cookie, or {Prefix}rpcUser and {Prefix}rpcPassword as in the node's configuration.");
        }
        else if (password && (RpcUser.Length == 0 || RpcPassword.Length == 0))
        {
            problems.Add($"{Prefix}rpcUser and {Prefix}rpcPassword go together: set both, as in the node's configuration.");
        }
        else if (cookie && !Path.IsPathFullyQualified(RpcCookieFile))
        {
            problems.Add($"{Prefix}rpcCookieFile '{RpcCookieFile}' is not an absolute path: give the full path of the node's .cookie, e.g. /var/lib/litecoind/.cookie.");
        }
    }

    private void ValidatePayoutAddress(Coin coin, List<string> problems)
    {
        if (PayoutAddress.Trim().Length == 0)
        {
            problems.Add($"{Prefix}payoutAddress is empty: give the {coin.Name} address the block reward should go to.");
            return;
        }

        // The node's chain is only known once connected; here the address must belong to one of the coin's chains.
        if (Node.PayoutAddress.ProblemForCoin(PayoutAddress, coin) is { } problem)
        {
            problems.Add($"{Prefix}payoutAddress {problem}");
        }
    }
}
