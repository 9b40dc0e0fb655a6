using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;
using IotMinerAgent.Linux.Benchmarking;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer bench</c>: measures an engine's hash rate on this machine.</summary>
internal sealed class BenchCommand : Command
{
    private readonly Option<string> _algo = new("--algo") { Description = "sha256d, scrypt or duco-s1", DefaultValueFactory = _ => Algorithms.Sha256d };
    private readonly Option<string?> _engine = new("--engine") { Description = "The engine to measure (default: the fastest this CPU supports)" };
    private readonly Option<int> _threads = new("--threads") { Description = "Hashing threads (1..1024)", DefaultValueFactory = _ => 1 };
    private readonly Option<double> _seconds = new("--seconds") { Description = "How long to measure (0.1..3600)", DefaultValueFactory = _ => 5 };
    private readonly Option<bool> _listEngines = new("--list-engines") { Description = "List every engine, whether this CPU supports it, and which is selected" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of text" };

    public BenchCommand()
        : base("bench", "Measure the hash rate of an engine (or list the engines this CPU supports).")
    {
        _algo.AcceptOnlyFromAmong(Algorithms.Sha256d, Algorithms.Scrypt, Algorithms.DucoS1);
        foreach (Option option in new Option[] { _algo, _engine, _threads, _seconds, _listEngines, _json })
        {
            Options.Add(option);
        }

        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        bool json = parse.GetValue(_json);
        if (parse.GetValue(_listEngines))
        {
            ListEngines(output, json);
            return ExitCodes.Ok;
        }

        string algo = parse.GetValue(_algo)!;
        int threads = parse.GetValue(_threads);
        double seconds = parse.GetValue(_seconds);
        if (threads is < 1 or > 1024)
        {
            throw new UsageException($"--threads: expected a whole number from 1 to 1024, got {threads}.");
        }

        if (seconds is < 0.1 or > 3600 || double.IsNaN(seconds))
        {
            throw new UsageException($"--seconds: expected a duration from 0.1 to 3600 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        INonceScanner engine = EngineChoice.Resolve(algo, parse.GetValue(_engine));
        BenchResult result = HashBenchmark.Run(engine, threads, TimeSpan.FromSeconds(seconds));
        output.WriteLine(json
            ? CliJson.Serialize(new BenchResultJson(algo, engine.Name, threads, result.Hashes, result.Seconds, result.HashesPerSecond))
            : $"{algo} {engine.Name} ×{threads} thread{(threads == 1 ? "" : "s")}: {HashRate.Format(result.HashesPerSecond)} ({result.Hashes} hashes in {result.Seconds:F2} s)");
        return ExitCodes.Ok;
    }

    private static void ListEngines(TextWriter output, bool json)
    {
        foreach (string algo in new[] { Algorithms.Sha256d, Algorithms.Scrypt, Algorithms.DucoS1 })
        {
            IReadOnlyList<INonceScanner> runnable = EngineCatalog.Supported(algo);
            foreach (INonceScanner engine in EngineCatalog.All.Where(e => e.Algorithm == algo))
            {
                bool supported = runnable.Contains(engine);
                string selected = runnable[0].Name;
                output.WriteLine(json
                    ? CliJson.Serialize(new EngineJson(algo, engine.Name, engine.Lanes, supported, engine.Name == selected))
                    : $"{algo,-8} {engine.Name,-10} {engine.Lanes,2} lanes  {(supported ? "supported" : "not supported on this CPU")}{(engine.Name == selected ? "  (selected)" : "")}");
            }
        }
    }
}
