using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Hosting;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// <c>iotminer estimate</c>: what mining on this board costs and earns per day, every input shown with its source and
/// every unknown named with the flag that supplies it.
/// </summary>
internal sealed class EstimateCommand : Command
{
    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (as for 'iotminer run'): pool, node, threads, energy:* figures" };
    private readonly Option<string?> _algo = new("--algo") { Description = "sha256d, scrypt or duco-s1 (default: mining:algorithm)" };
    private readonly Option<double?> _powerWatts = new("--power-watts") { Description = "Whole-board watts while mining (default: energy:boardWatts, else the board table)" };
    private readonly Option<double?> _pricePerKwh = new("--price-per-kwh") { Description = "Energy price per kWh, in your currency" };
    private readonly Option<double?> _coinPrice = new("--coin-price") { Description = "Price of one coin, in the same currency" };
    private readonly Option<double?> _difficulty = new("--network-difficulty") { Description = "Network difficulty (default: the pool's job nbits or the node's getmininginfo)" };
    private readonly Option<double?> _blockReward = new("--block-reward") { Description = "Coins per block (default: the node's getblocktemplate)" };
    private readonly Option<double> _benchSeconds = new("--bench-seconds") { Description = "How long to measure the hash rate (0.5..60)", DefaultValueFactory = _ => 3 };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of a table" };

    public EstimateCommand()
        : base("estimate", "Estimate energy, cost, coins and net per day on this board, with the source of every figure.")
    {
        _algo.AcceptOnlyFromAmong(Algorithms.Sha256d, Algorithms.Scrypt, Algorithms.DucoS1);
        foreach (Option option in new Option[] { _config, _algo, _powerWatts, _pricePerKwh, _coinPrice, _difficulty, _blockReward, _benchSeconds, _json })
        {
            Options.Add(option);
        }

        TreatUnmatchedTokensAsErrors = false;
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        var given = new EstimateSources.Given(
            Checked(parse, _powerWatts, "watts above 0", v => v > 0),
            Checked(parse, _pricePerKwh, "a price of 0 or more", v => v >= 0),
            Checked(parse, _coinPrice, "a price of 0 or more", v => v >= 0),
            Checked(parse, _difficulty, "a difficulty above 0", v => v > 0),
            Checked(parse, _blockReward, "coins of 0 or more", v => v >= 0));
        double benchSeconds = parse.GetValue(_benchSeconds);
        if (!(benchSeconds is >= 0.5 and <= 60))
        {
            throw new UsageException($"--bench-seconds: expected 0.5..60 seconds, got {benchSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        AgentSetup setup;
        try
        {
            setup = AgentSetup.Load(parse.GetValue(_config), parse.UnmatchedTokens.ToArray(), Directory.GetCurrentDirectory());
        }
        catch (ConfigurationException ex)
        {
            parse.InvocationConfiguration.Error.WriteLine("iotminer estimate: " + ex.Message);
            return ExitCodes.Config;
        }

        string algorithm = parse.GetValue(_algo) ?? setup.Runtime.Algorithm;
        EstimateInputs inputs = new EstimateSources(setup)
            .GatherAsync(algorithm, given, TimeSpan.FromSeconds(benchSeconds), CancellationToken.None).GetAwaiter().GetResult();
        EarningsEstimate estimate = EarningsEstimate.From(inputs);
        output.Write(parse.GetValue(_json) ? EstimateReport.Json(estimate, setup.Runtime.Threads) : EstimateReport.Table(estimate, setup.Runtime.Threads));
        return ExitCodes.Ok;
    }

    private static double? Checked(ParseResult parse, Option<double?> option, string allowed, Func<double, bool> valid)
    {
        double? value = parse.GetValue(option);
        if (value is double v && (!double.IsFinite(v) || !valid(v)))
        {
            throw new UsageException($"{option.Name}: expected {allowed}, got {v.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }
}
