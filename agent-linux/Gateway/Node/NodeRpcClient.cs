using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// JSON-RPC 1.0 over HTTP to a Bitcoin Core or Litecoin Core node (src/httprpc.cpp): one POST per call with basic
/// auth. Every failure becomes a <see cref="NodeRpcException"/> that says whether the node was unreachable, refused
/// the credentials or answered with an RPC error, and what to check.
/// </summary>
public sealed class NodeRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly NodeRpcCredentials _credentials;
    private readonly TimeSpan _timeout;
    private long _nextId;

    /// <summary>A client for the node at <paramref name="url"/>.</summary>
    /// <param name="url">The node's RPC endpoint, e.g. http://127.0.0.1:9332/.</param>
    /// <param name="credentials">Password or cookie file.</param>
    /// <param name="timeout">Longest wait for one answer (submitblock of a full block takes a few seconds).</param>
    public NodeRpcClient(Uri url, NodeRpcCredentials credentials, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        Url = url;
        _credentials = credentials;
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The node's RPC endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Calls <paramref name="method"/> with positional <paramref name="parameters"/> and returns its result.</summary>
    /// <exception cref="NodeRpcException">When the call failed; <see cref="NodeRpcException.Failure"/> says how.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<JsonElement> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "1.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = _credentials.Header();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return ReadResult(method, response.StatusCode, text);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(method, e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(method, $"no answer within {_timeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private JsonElement ReadResult(string method, HttpStatusCode status, string text)
    {
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new NodeRpcException(NodeRpcFailure.Unauthorized, 0,
                $"The node at {Url} refused {_credentials.Description} (HTTP {(int)status}): check gateway:node:rpcUser/rpcPassword against the node's rpcuser/rpcpassword (or rpcauth), or the cookie file.");
        }

        if (status == HttpStatusCode.ServiceUnavailable)
        {
            throw Unreachable(method, "HTTP 503, its RPC work queue is full", null);
        }

        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new NodeRpcException(NodeRpcFailure.BadResponse, 0,
                $"The answer of {Url} to {method} (HTTP {(int)status}) is not JSON-RPC: is gateway:node:rpcUrl the node's RPC port (bitcoin 8332, litecoin 9332 on mainnet)?", e);
        }

        if (!JsonText.AllStringsDecode(root))
        {
            throw new NodeRpcException(NodeRpcFailure.BadResponse, 0,
                $"The answer of {Url} to {method} (HTTP {(int)status}) holds an unpaired surrogate escape, which is not text: is gateway:node:rpcUrl a Bitcoin Core or Litecoin Core node?");
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int value) ? value : 0;
            // The node's text is logged and may reach a device's verdict: escaped like any outside text.
            string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String
                ? UntrustedText.Escape(JsonText.Read(m), 300)
                : string.Empty;
            throw new NodeRpcException(NodeRpcFailure.RpcError, code, $"{method} on the node at {Url} failed with RPC error {code}: {message}{Hint(method, code)}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out JsonElement result))
        {
            throw new NodeRpcException(NodeRpcFailure.BadResponse, 0,
                $"The answer of {Url} to {method} (HTTP {(int)status}) has no result: is gateway:node:rpcUrl a Bitcoin Core or Litecoin Core node?");
        }

        return result;
    }

    private NodeRpcException Unreachable(string method, string why, Exception? inner) =>
        new(NodeRpcFailure.Unreachable, 0,
            $"The node at {Url} is unreachable for {method} ({why}): is it running with -server, and is gateway:node:rpcUrl its RPC address and port?", inner);

    private static string Hint(string method, int code) => code switch
    {
        NodeRpcException.NotConnected => " (the node has no peers yet; it will not give out work until it has one)",
        NodeRpcException.InInitialDownload => " (the node is still downloading the chain; mining starts when it has caught up)",
        NodeRpcException.InWarmup => " (the node is starting)",
        -32601 => " (is gateway:node:rpcUrl a Bitcoin Core or Litecoin Core node with the mining RPCs?)",
        -8 when method == "getblocktemplate" => " (is gateway:node:coin right for this node?)",
        _ => string.Empty,
    };
}
