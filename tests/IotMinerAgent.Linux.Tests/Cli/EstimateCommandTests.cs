using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Governor.Energy;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Tests.Agent;
using IotMinerAgent.Linux.Tests.Gateway.Node;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Cli;

/// <summary>
/// `iotminer estimate` as a real process: every figure carries its source, unknowns name their flag, and the network
/// difficulty and block reward come from a real-protocol pool's job nbits or a real litecoind's RPC.
/// </summary>
public sealed class EstimateCommandTests : IDisposable
{
    // Regtest's (and the test pool's) nbits 0x207fffff: difficulty = 0xFFFF × 2^208 / (0x7FFFFF × 2^(8 × (0x20 − 3)))
    // = 65535 / (8 388 607 × 2^24) = 65535 / 140 737 471 578 112 = 4.656542373906925e-10 (what Bitcoin Core reports).
    private const double RegtestDifficulty = 4.656542373906925e-10;

    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-estimate-").FullName;

    [Fact]
    public async Task On_this_machine_every_source_is_named_and_unknowns_name_their_flag()
    {
        string text = await RunAsync("estimate", "--bench-seconds=0.5", $"--stateDirectory={_dir}");
        Assert.Contains("measured: 0.5 s bench", text);
        Assert.Contains("not given: --price-per-kwh", text);
        Assert.Contains("not given: --coin-price", text);
        Assert.Contains("not given: --network-difficulty", text);
        Assert.Contains("not given: --block-reward", text);
        Assert.Contains("unknown: needs network difficulty and block reward", text);
        BoardPower? board = BoardPowerTable.Find(DeviceTreeModel.Read());
        if (board is null)
        {
            // No published figure for this machine: power stays unknown, named with the keys and flag that supply it.
            Assert.Contains("set energy:boardWatts (or pass --power-watts)", text);
            Assert.Contains("unknown: needs power", text);
            Assert.Contains("Missing inputs: power (--power-watts", text);
        }
        else
        {
            Assert.Contains("board table: " + board.Board, text);
        }
    }

    [Fact]
    public async Task Given_figures_are_used_and_named_as_their_flags()
    {
        JsonElement json = await RunJsonAsync("estimate", "--bench-seconds=0.5", $"--stateDirectory={_dir}", "--power-watts=5",
            "--price-per-kwh=0.25", "--coin-price=100", "--network-difficulty=1e6", "--block-reward=6.25");
        JsonElement inputs = json.GetProperty("inputs");
        JsonElement results = json.GetProperty("results");
        Assert.Equal("--power-watts", inputs.GetProperty("power").GetProperty("source").GetString());
        Assert.Equal("--price-per-kwh", inputs.GetProperty("energy_price").GetProperty("source").GetString());
        Assert.Equal("--coin-price", inputs.GetProperty("coin_price").GetProperty("source").GetString());
        Assert.Equal("--network-difficulty", inputs.GetProperty("network_difficulty").GetProperty("source").GetString());
        Assert.Equal("--block-reward", inputs.GetProperty("block_reward").GetProperty("source").GetString());
        Assert.StartsWith("measured:", inputs.GetProperty("hash_rate").GetProperty("source").GetString());
        Assert.Empty(json.GetProperty("missing").EnumerateArray());

        // 5 W × 24 h = 0.12 kWh; × 0.25 = 0.03 per day.
        Assert.Equal(0.12, Value(results, "energy_kwh_per_day"), 9);
        Assert.Equal(0.03, Value(results, "energy_cost_per_day"), 9);

        // Coins follow from the measured rate: H × 86400 × 6.25 / (1e6 × 2^32); net = coins × 100 − 0.03.
        double rate = Value(inputs, "hash_rate");
        double coins = rate * 86400 * 6.25 / (1e6 * 4294967296.0);
        Assert.Equal(coins, Value(results, "coins_per_day"), 12);
        Assert.Equal((coins * 100) - 0.03, Value(results, "net_per_day"), 9);
    }

    [Fact]
    public async Task The_network_difficulty_comes_from_the_pools_job_nbits()
    {
        await using TestPool pool = TestPool.Start();
        JsonElement json = await RunJsonAsync("estimate", "--bench-seconds=0.5", $"--stateDirectory={_dir}",
            $"--stratum:pools:0:url={pool.Url}", "--stratum:pools:0:user=bc1qtestpayout.rig1");
        JsonElement difficulty = json.GetProperty("inputs").GetProperty("network_difficulty");
        Assert.Equal($"pool job nbits 0x207fffff ({pool.Url})", difficulty.GetProperty("source").GetString());
        Assert.Equal(RegtestDifficulty, difficulty.GetProperty("value").GetDouble(), 1e-20);
        Assert.Contains("a Stratum job does not carry it", json.GetProperty("inputs").GetProperty("block_reward").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Difficulty_and_reward_come_from_the_owners_litecoind()
    {
        // Two connected nodes past the first blocks: Litecoin Core's getblocktemplate refuses to work without a peer.
        var regtest = new LitecoindRegtest();
        await regtest.InitializeAsync();
        await using var stopNodes = new AsyncCleanup(regtest.DisposeAsync);
        LitecoindNode node = regtest.First;
        JsonElement json = await RunJsonAsync("estimate", "--bench-seconds=0.5", $"--stateDirectory={_dir}", "--mining:algorithm=scrypt",
            $"--gateway:node:rpc_url={node.RpcUrl}", $"--gateway:node:rpc_user={LitecoindNode.RpcUser}",
            $"--gateway:node:rpc_password={LitecoindNode.RpcPassword}", "--gateway:node:coin=litecoin", "--price-per-kwh=0.3", "--coin-price=80");
        JsonElement inputs = json.GetProperty("inputs");
        Assert.Equal($"node getmininginfo ({node.RpcUrl})", inputs.GetProperty("network_difficulty").GetProperty("source").GetString());
        Assert.Equal(RegtestDifficulty, Value(inputs, "network_difficulty"), 1e-20);

        // Height 102 is below regtest's first halving (150 blocks): the full initial subsidy, 50 LTC (5 000 000 000
        // litoshi), and no fees with an empty mempool.
        Assert.Equal($"node getblocktemplate coinbasevalue ({node.RpcUrl})", inputs.GetProperty("block_reward").GetProperty("source").GetString());
        Assert.Equal(50, Value(inputs, "block_reward"), 9);
        Assert.Equal("computed: hash rate × 86400 × reward / (difficulty × 2^32)", json.GetProperty("results").GetProperty("coins_per_day").GetProperty("source").GetString());
    }

    [Fact]
    public void The_consent_screen_shows_the_same_estimate_and_records_what_was_shown()
    {
        CliRun consent = CliRun.Of("consent", "--accept", $"--stateDirectory={_dir}", "--energy:boardWatts=5");
        Assert.Equal(0, consent.ExitCode);
        Assert.Contains("Earnings estimate: sha256d on", consent.Output);
        Assert.Contains("measured: 2 s bench", consent.Output);
        Assert.Contains("energy:boardWatts", consent.Output);
        Assert.Contains("0.12 kWh/day", consent.Output); // 5 W × 24 h = 0.12 kWh
        Assert.Contains("not given: --price-per-kwh", consent.Output);
        Assert.Contains("unknown: needs network difficulty and block reward", consent.Output);

        string record = File.ReadAllText(Path.Combine(_dir, IotMinerAgent.Linux.Agent.ConsentRecord.FileName));
        Assert.Contains("Earnings estimate", record);
    }

    [Fact]
    public async Task Bad_flags_are_usage_errors_and_bad_energy_keys_configuration_errors()
    {
        using (AgentProcess process = AgentProcess.Start(_dir, "estimate", "--price-per-kwh=-1", $"--stateDirectory={_dir}"))
        {
            Assert.Equal(2, await process.WaitForExitAsync(120));
            Assert.Contains("--price-per-kwh: expected a price of 0 or more, got -1", process.Output);
        }

        using (AgentProcess process = AgentProcess.Start(_dir, "estimate", "--energy:boardWatts=0", $"--stateDirectory={_dir}"))
        {
            Assert.Equal(78, await process.WaitForExitAsync(120));
            Assert.Contains("energy:boardWatts = 0", process.Output);
        }
    }

    private sealed class AsyncCleanup(Func<Task> cleanup) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await cleanup();
    }

    private static double Value(JsonElement section, string name) => section.GetProperty(name).GetProperty("value").GetDouble();

    private async Task<JsonElement> RunJsonAsync(params string[] arguments)
    {
        string text = await RunAsync([.. arguments, "--json"]);
        string line = text.Split('\n').Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        using AgentProcess process = AgentProcess.Start(_dir, arguments);
        int exitCode = await process.WaitForExitAsync(180);
        Assert.True(exitCode == 0, process.Output);
        return process.Output;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
