using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// Solo mining on the owner's own Bitcoin or Litecoin node: polls getblocktemplate, turns each new template into a
/// <see cref="NodeTemplate"/> paying the configured address, and submits found blocks with submitblock. A template
/// for a new tip replaces all earlier work; a changed transaction set on the same tip is delivered as a refresh.
/// </summary>
public sealed partial class NodeUpstream : IGatewayUpstream, IDisposable
{
    private static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(60);

    private readonly NodeUpstreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly NodeRpcClient _rpc;
    private readonly Coin _coin;
    private readonly Channel<bool> _fetchNow = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private byte[]? _payoutScript;
    private string? _deliveredContent;
    private string? _deliveredTip;
    private long _templateNumber;

    /// <summary>An upstream for the node <paramref name="options"/> describe.</summary>
    /// <exception cref="ArgumentException">When the options are not valid (<see cref="NodeUpstreamOptions.Validate"/>'s messages).</exception>
    public NodeUpstream(NodeUpstreamOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _coin = options.ResolveCoin();
        _rpc = new NodeRpcClient(options.ParsedRpcUrl, options.ResolveCredentials(), RpcTimeout);
    }

    /// <inheritdoc />
    public string DisplayName => $"node {_rpc.Url}";

    /// <inheritdoc />
    public string Algorithm => _coin.Algorithm;

    /// <summary>
    /// Polls the node every poll interval (at once after an accepted block) and delivers each changed template. While
    /// the node is unreachable, starting, syncing or without peers it logs why and retries, backing off to a minute.
    /// </summary>
    /// <exception cref="NodeRpcException">When the node refuses the credentials or answers what no retry fixes.</exception>
    /// <exception cref="PayoutAddressException">When the payout address is not for the node's network.</exception>
    /// <exception cref="BlockTemplateException">When the node's template needs what this gateway cannot build (Litecoin MWEB).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task RunAsync(Func<UpstreamTemplate, CancellationToken, ValueTask> onTemplate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onTemplate);

        // A new run (after a fatal error, say) starts over: its first template replaces all work.
        _deliveredContent = null;
        _deliveredTip = null;
        int failures = 0;
        string? lastProblem = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                NodeTemplate? template = await FetchTemplateAsync(cancellationToken).ConfigureAwait(false);
                if (failures > 0)
                {
                    LogNodeBack(_logger, _rpc.Url);
                }

                failures = 0;
                lastProblem = null;
                if (template is not null)
                {
                    await onTemplate(template, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (NodeRpcException e) when (e.IsTransient)
            {
                failures++;
                if (e.Message != lastProblem)
                {
                    LogNodeUnavailable(_logger, e.Message);
                    lastProblem = e.Message;
                }
            }

            await WaitForNextPollAsync(failures, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _rpc.Dispose();

    private async Task<NodeTemplate?> FetchTemplateAsync(CancellationToken cancellationToken)
    {
        byte[] payoutScript = _payoutScript ??= await ResolvePayoutScriptAsync(cancellationToken).ConfigureAwait(false);
        var rules = new JsonArray();
        foreach (string rule in _coin.TemplateRules)
        {
            // As JsonNode, so the non-generic Add is chosen: Add<T> is not trim-safe (IL2026) and the .deb is trimmed.
            rules.Add((JsonNode?)JsonValue.Create(rule));
        }

        var request = new JsonObject { ["rules"] = rules };
        JsonElement result = await _rpc.CallAsync("getblocktemplate", [(JsonNode?)request], cancellationToken).ConfigureAwait(false);
        BlockTemplate block = BlockTemplate.Parse(result);
        string content = ContentOf(block);
        if (content == _deliveredContent)
        {
            return null;
        }

        bool newTip = block.PreviousBlockHashHex != _deliveredTip;
        _deliveredContent = content;
        _deliveredTip = block.PreviousBlockHashHex;
        string id = $"height {block.Height} prev {block.PreviousBlockHashHex[..12]}… #{++_templateNumber}";
        NodeTemplate template = NodeTemplate.Create(block, _coin, payoutScript, id, newTip, this);
        LogTemplate(_logger, id, block.Transactions.Count, block.CoinbaseValue, newTip);
        return template;
    }

    private async Task<byte[]> ResolvePayoutScriptAsync(CancellationToken cancellationToken)
    {
        JsonElement info = await _rpc.CallAsync("getblockchaininfo", [], cancellationToken).ConfigureAwait(false);
        string chain = info.TryGetProperty("chain", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty;
        CoinNetwork network = CoinNetwork.Find(_coin, chain)
            ?? throw new NodeRpcException(NodeRpcFailure.BadResponse, 0,
                $"The node at {_rpc.Url} runs chain '{chain}', which is not a {_coin.Name} chain this gateway can mine (main, test, testnet4 for bitcoin, regtest; not signet): is gateway:node:coin right?");
        byte[] script = PayoutAddress.ToScript(_options.PayoutAddress, network);
        LogMining(_logger, network.Name, _rpc.Url, _options.PayoutAddress.Trim());
        return script;
    }

    /// <summary>
    /// What makes two templates different work: tip, version, target, value and transactions. The time is left out,
    /// so a template that only moved its curtime is not handed out again.
    /// </summary>
    private static string ContentOf(BlockTemplate block)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(block.PreviousBlockHash);
        hash.AppendData(Encoding.ASCII.GetBytes($"{block.Version}/{block.Bits}/{block.CoinbaseValue}/{block.Height}"));
        foreach (TemplateTransaction transaction in block.Transactions)
        {
            hash.AppendData(transaction.Wtxid);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private async Task WaitForNextPollAsync(int failures, CancellationToken cancellationToken)
    {
        TimeSpan delay = _options.PollInterval;
        if (failures > 1)
        {
            double backoff = delay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 10));
            delay = TimeSpan.FromSeconds(Math.Min(backoff, Math.Max(delay.TotalSeconds, LongestRetryDelay.TotalSeconds)));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task sleep = Task.Delay(delay, _time, stop.Token);
        Task<bool> wake = _fetchNow.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(sleep, wake).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _fetchNow.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Solo mining on {Network} at node {Url}; block rewards go to {Address}")]
    private static partial void LogMining(ILogger logger, string network, Uri url, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node template {Id}: {Transactions} transactions, coinbase value {Value}, new block: {NewTip}")]
    private static partial void LogTemplate(ILogger logger, string id, int transactions, long value, bool newTip);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No work from the node yet: {Problem}")]
    private static partial void LogNodeUnavailable(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The node at {Url} gives out work again")]
    private static partial void LogNodeBack(ILogger logger, Uri url);
}
