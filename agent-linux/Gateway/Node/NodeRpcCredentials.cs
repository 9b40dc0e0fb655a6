using System;
using System.IO;
using System.Net.Http.Headers;
using System.Text;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// How the gateway logs in to the node's RPC: HTTP basic auth with rpcuser/rpcpassword, or with the cookie the node
/// writes at every start (datadir/.cookie, "__cookie__:" and a random password). The cookie is read again for every
/// call, so a restarted node's new cookie is picked up without restarting the gateway.
/// </summary>
public sealed class NodeRpcCredentials
{
    private readonly string? _user;
    private readonly string? _password;
    private readonly string? _cookieFile;

    private NodeRpcCredentials(string? user, string? password, string? cookieFile)
    {
        _user = user;
        _password = password;
        _cookieFile = cookieFile;
    }

    /// <summary>What the node refused, for messages: "rpcUser/rpcPassword" or "the cookie file /path".</summary>
    public string Description => _cookieFile is null ? "rpcUser/rpcPassword" : $"the cookie file {_cookieFile}";

    /// <summary>Credentials from the node's rpcuser and rpcpassword (or an rpcauth entry's user and password).</summary>
    public static NodeRpcCredentials FromPassword(string user, string password) => new(user, password, null);

    /// <summary>Credentials read from the node's cookie file at each call.</summary>
    public static NodeRpcCredentials FromCookieFile(string path) => new(null, null, path);

    /// <summary>The Authorization header for the next call.</summary>
    /// <exception cref="NodeRpcException">When the cookie file is missing (the node is not up: transient) or unreadable.</exception>
    public AuthenticationHeaderValue Header()
    {
        (string user, string password) = _cookieFile is null ? (_user!, _password!) : ReadCookie(_cookieFile);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private static (string User, string Password) ReadCookie(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NodeRpcException(NodeRpcFailure.Unreachable, 0,
                $"The node's cookie file {path} does not exist: the node writes it when it starts with -server. Is the node running, and is gateway:node:rpcCookieFile its datadir's .cookie (datadir/regtest/.cookie or datadir/testnet3/.cookie for test chains)?", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new NodeRpcException(NodeRpcFailure.Unauthorized, 0,
                $"Cannot read the node's cookie file {path} ({e.Message}): make it readable by the user the gateway runs as (e.g. add that user to the node's group), or set gateway:node:rpcUser and rpcPassword instead.", e);
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new NodeRpcException(NodeRpcFailure.Unauthorized, 0,
                $"The cookie file {path} does not hold 'user:password': is gateway:node:rpcCookieFile really the node's .cookie?");
        }

        return (text[..colon], text[(colon + 1)..]);
    }
}
