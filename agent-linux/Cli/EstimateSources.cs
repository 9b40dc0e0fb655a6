using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Benchmarking;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// Gathers an estimate's inputs, each with its source: a short bench for the hash rate, the board table or the
/// owner's watts for power, the owner's flags, and the network figures from the configured pool (the current job's
/// nbits) or the owner's node (getmininginfo, getblocktemplate). A figure given as a flag wins; nothing is invented.
/// </summary>
internal sealed class EstimateSources
{
    /// <summary>How long a pool or node may take to answer before its figures count as unknown.</summary>
    private static readonly TimeSpan NetworkWait = TimeSpan.FromSeconds(10);

    private readonly AgentSetup _setup;

    public EstimateSources(AgentSetup setup) => _setup = setup;

    /// <summary>Owner-given figures (null: not given), keyed by the flag that gave them.</summary>
    public sealed record Given(double? PowerWatts, double? PricePerKwh, double? CoinPrice, double? NetworkDifficulty, double? BlockReward)
    {
        /// <summary>Nothing given: every figure from the machine, the configuration, the pool or the node.</summary>
        public static Given None { get; } = new(null, null, null, null, null);
    }

    /// <summary>Collects every input for <paramref name="algorithm"/>, benching for <paramref name="benchTime"/>.</summary>
    public async Task<EstimateInputs> GatherAsync(string algorithm, Given given, TimeSpan benchTime, CancellationToken cancellationToken)
    {
        EstimateFigure hashRate = Bench(algorithm, benchTime);
        EstimateFigure power = given.PowerWatts is double watts
            ? new EstimateFigure(watts, "--power-watts")
            : _setup.Plan.Power.FullLoadWatts is double table
                ? new EstimateFigure(table, _setup.Plan.Power.FullLoadSource)
                : EstimateFigure.Unknown(_setup.Plan.Power.FullLoadSource + " (or pass --power-watts)");
        EstimateFigure price = Flag(given.PricePerKwh, "--price-per-kwh");
        EstimateFigure coinPrice = Flag(given.CoinPrice, "--coin-price");
        (EstimateFigure difficulty, EstimateFigure reward) = algorithm == Algorithms.DucoS1
            ? (EstimateFigure.Unknown("not used for duco-s1"), EstimateFigure.Unknown("not used for duco-s1"))
            : await NetworkAsync(algorithm, given, cancellationToken).ConfigureAwait(false);
        return new EstimateInputs(algorithm, _setup.Plan.Power.Board, hashRate, power, price, coinPrice, difficulty, reward);
    }

    private static EstimateFigure Flag(double? value, string flag) =>
        value is double v ? new EstimateFigure(v, flag) : EstimateFigure.Unknown("not given: " + flag);

    private EstimateFigure Bench(string algorithm, TimeSpan benchTime)
    {
        INonceScanner engine = algorithm == _setup.Runtime.Algorithm ? _setup.Runtime.Engine : EngineChoice.Resolve(algorithm, null);
        int threads = _setup.Runtime.Threads;
        BenchResult result = HashBenchmark.Run(engine, threads, benchTime);
        string seconds = benchTime.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return new EstimateFigure(result.HashesPerSecond, $"measured: {seconds} s bench, engine {engine.Name}, {threads} thread{(threads == 1 ? "" : "s")} at full duty");
    }

    private async Task<(EstimateFigure Difficulty, EstimateFigure Reward)> NetworkAsync(string algorithm, Given given, CancellationToken cancellationToken)
    {
        EstimateFigure? difficulty = given.NetworkDifficulty is double d ? new EstimateFigure(d, "--network-difficulty") : null;
        EstimateFigure? reward = given.BlockReward is double r ? new EstimateFigure(r, "--block-reward") : null;
        string poolNote = "no pool configured";
        if (difficulty is null && _setup.Stratum.Pools.Count > 0)
        {
            (difficulty, poolNote) = await PoolDifficultyAsync(algorithm, cancellationToken).ConfigureAwait(false);
        }

        string nodeNote = "no node configured (gateway:node:rpc_url)";
        if (difficulty is null || reward is null)
        {
            (EstimateFigure? nodeDifficulty, EstimateFigure? nodeReward, nodeNote) = await NodeAsync(algorithm, cancellationToken).ConfigureAwait(false);
            difficulty ??= nodeDifficulty;
            reward ??= nodeReward;
        }

        return (
            difficulty ?? EstimateFigure.Unknown($"not given: --network-difficulty (pool: {poolNote}; node: {nodeNote})"),
            reward ?? EstimateFigure.Unknown($"not given: --block-reward (a Stratum job does not carry it; node: {nodeNote})"));
    }

    /// <summary>The network difficulty from the nbits of the configured pool's first job.</summary>
    private async Task<(EstimateFigure? Figure, string Note)> PoolDifficultyAsync(string algorithm, CancellationToken cancellationToken)
    {
        if (algorithm != _setup.Stratum.Algorithm)
        {
            return (null, $"the configured pool mines {_setup.Stratum.Algorithm}, not {algorithm}");
        }

        await using var client = new StratumClient(_setup.Stratum);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task run = client.RunAsync(stop.Token);
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(NetworkWait);
            StratumWork work = await FirstWorkAsync(client, wait.Token).ConfigureAwait(false);
            uint nbits = work.Job.NBits;
            if (!Earnings.TryNetworkDifficulty(nbits, out double difficulty))
            {
                return (null, $"the pool's job nbits 0x{nbits:x8} is not a valid target");
            }

            string url = client.CurrentPool?.Url ?? _setup.Stratum.Pools[0].Url;
            return (new EstimateFigure(difficulty, $"pool job nbits 0x{nbits:x8} ({url})"), "answered");
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException or ArgumentException)
        {
            string why = client.LastFailure is string failure ? UntrustedText.Escape(failure, 200) : "no job within " + NetworkWait.TotalSeconds + " s";
            return (null, "no job from " + _setup.Stratum.Pools[0].Url + ": " + why);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
    }

    /// <summary>The first job, or cancellation as soon as the first connection attempt failed (no waiting out the backoff).</summary>
    private static async Task<StratumWork> FirstWorkAsync(StratumClient client, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<StratumWork> read = client.Work.ReadAsync(failed.Token).AsTask();
        while (!read.IsCompleted && client.LastFailure is null)
        {
            await Task.WhenAny(read, Task.Delay(50, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await failed.CancelAsync().ConfigureAwait(false);
        return await read.ConfigureAwait(false);
    }

    /// <summary>Difficulty from getmininginfo and the block reward from getblocktemplate's coinbasevalue on the owner's node.</summary>
    private async Task<(EstimateFigure? Difficulty, EstimateFigure? Reward, string Note)> NodeAsync(string algorithm, CancellationToken cancellationToken)
    {
        NodeUpstreamOptions options = _setup.Configuration.GetSection(NodeUpstreamOptions.Section).Get<NodeUpstreamOptions>() ?? new NodeUpstreamOptions();
        if (options.RpcUrl.Length == 0)
        {
            return (null, null, "no node configured (gateway:node:rpc_url)");
        }

        Coin? coin = Coin.Find(options.Coin);
        if (coin is null || coin.Algorithm != algorithm)
        {
            return (null, null, $"the configured node (gateway:node:coin '{UntrustedText.Escape(options.Coin, 40)}') does not mine {algorithm}");
        }

        using var rpc = new NodeRpcClient(options.ParsedRpcUrl, options.ResolveCredentials(), NetworkWait);
        string where = options.RpcUrl;
        EstimateFigure? difficulty = null;
        EstimateFigure? reward = null;
        string note = "answered";
        try
        {
            JsonElement info = await rpc.CallAsync("getmininginfo", [], cancellationToken).ConfigureAwait(false);
            difficulty = new EstimateFigure(info.GetProperty("difficulty").GetDouble(), $"node getmininginfo ({where})");
            var rules = new JsonArray();
            foreach (string rule in coin.TemplateRules)
            {
                rules.Add((JsonNode?)JsonValue.Create(rule));
            }

            JsonElement template = await rpc.CallAsync("getblocktemplate", [(JsonNode?)new JsonObject { ["rules"] = rules }], cancellationToken).ConfigureAwait(false);

            // coinbasevalue is in the smallest unit (satoshi, litoshi): 10^8 per coin in both.
            reward = new EstimateFigure(template.GetProperty("coinbasevalue").GetInt64() / 1e8, $"node getblocktemplate coinbasevalue ({where})");
        }
        catch (Exception ex) when (ex is NodeRpcException or InvalidOperationException or KeyNotFoundException or FormatException or System.Net.Http.HttpRequestException or TaskCanceledException)
        {
            note = "node " + where + " did not answer: " + UntrustedText.Escape(ex.Message, 300);
        }

        return (difficulty, reward, note);
    }
}
