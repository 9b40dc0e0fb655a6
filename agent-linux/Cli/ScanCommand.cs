using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer scan</c>: searches a nonce range of a header, or solves a DUCO-S1 job.</summary>
internal sealed class ScanCommand : Command
{
    /// <summary>DUCO-S1 jobs are scanned in pieces so the count of hashes done stops at the solution.</summary>
    private const ulong DucoChunk = 1 << 16;

    private readonly Option<string> _algo = new("--algo") { Description = "sha256d, scrypt or duco-s1", Required = true };
    private readonly Option<string?> _header = new("--header") { Description = "sha256d/scrypt: the 80-byte block header in hex (160 characters)" };
    private readonly Option<uint?> _from = new("--from") { Description = "sha256d/scrypt: the first nonce to try (0..4294967295)" };
    private readonly Option<ulong?> _count = new("--count") { Description = "sha256d/scrypt: how many nonces to try (from + count ≤ 4294967296)" };
    private readonly Option<string?> _target = new("--target") { Description = "sha256d/scrypt: the target as 64 hex characters, display order" };
    private readonly Option<string?> _difficulty = new("--difficulty") { Description = "sha256d/scrypt: the pool share difficulty (e.g. 0.001, 16384); duco-s1: the job difficulty" };
    private readonly Option<bool> _nbits = new("--nbits") { Description = "sha256d/scrypt: use the header's own nBits as the target (finds blocks)" };
    private readonly Option<string?> _lastHash = new("--last-hash") { Description = "duco-s1: the job's last hash (40 hex characters)" };
    private readonly Option<string?> _expected = new("--expected") { Description = "duco-s1: the job's expected SHA-1 (40 hex characters)" };
    private readonly Option<string?> _engine = new("--engine") { Description = "The engine to use (default: the fastest this CPU supports; see 'iotminer bench --list-engines')" };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object per line instead of text" };

    public ScanCommand()
        : base("scan", "Search a nonce range of a block header (or solve a DUCO-S1 job) and print every nonce that meets the target.")
    {
        _algo.AcceptOnlyFromAmong(Algorithms.Sha256d, Algorithms.Scrypt, Algorithms.DucoS1);
        foreach (Option option in new Option[] { _algo, _header, _from, _count, _target, _difficulty, _nbits, _lastHash, _expected, _engine, _json })
        {
            Options.Add(option);
        }

        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        string algo = parse.GetRequiredValue(_algo);
        INonceScanner engine = EngineChoice.Resolve(algo, parse.GetValue(_engine));
        TextWriter output = parse.InvocationConfiguration.Output;
        bool json = parse.GetValue(_json);
        return algo == Algorithms.DucoS1
            ? SolveDuco(parse, engine, output, json)
            : ScanHeader(parse, algo, engine, output, json);
    }

    private int ScanHeader(ParseResult parse, string algo, INonceScanner engine, TextWriter output, bool json)
    {
        Forbid(parse, algo, _lastHash, _expected);
        byte[] header = HexArgument.Decode(Require(parse, _header, algo), "--header", HeaderWork.HeaderLength, "an 80-byte block header");
        uint first = Require(parse, _from, algo);
        ulong count = Require(parse, _count, algo);
        if (count > NonceRange.Limit - first)
        {
            throw new UsageException($"--from {first} --count {count} passes the last nonce 4294967295: from + count must be at most 4294967296.");
        }

        var work = new HeaderWork(algo, header, ReadTarget(parse, algo, header));
        var hits = new NonceHits();
        Stopwatch clock = Stopwatch.StartNew();
        engine.Scan(work, first, count, hits);
        double seconds = clock.Elapsed.TotalSeconds;

        for (int i = 0; i < hits.Count; i++)
        {
            WriteHit(output, json, algo, work, hits[i]);
        }

        double rate = seconds > 0 ? count / seconds : 0;
        output.WriteLine(json
            ? CliJson.Serialize(new ScanSummaryJson(count, seconds, rate, engine.Name))
            : $"{hits.Count} found; {count} hashes in {seconds:F3} s ({HashRate.Format(rate)}) with engine {engine.Name}");
        return ExitCodes.Ok;
    }

    private static void WriteHit(TextWriter output, bool json, string algo, HeaderWork work, uint nonce)
    {
        byte[] hash = ProofOfWork.Hash(work, nonce);
        double difficulty = ShareDifficulty.Of(hash, algo);
        output.WriteLine(json
            ? CliJson.Serialize(new ScanHitJson(nonce, HexArgument.DisplayOrder(hash), difficulty))
            : $"nonce {nonce} hash {HexArgument.DisplayOrder(hash)} share difficulty {difficulty.ToString("G6", CultureInfo.InvariantCulture)}");
    }

    private Target ReadTarget(ParseResult parse, string algo, byte[] header)
    {
        string? target = parse.GetValue(_target);
        string? difficulty = parse.GetValue(_difficulty);
        bool nbits = parse.GetValue(_nbits);
        int given = (target is null ? 0 : 1) + (difficulty is null ? 0 : 1) + (nbits ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException("give exactly one of --target HEX64, --difficulty D or --nbits to say which hashes count.");
        }

        if (target is not null)
        {
            HexArgument.Decode(target, "--target", 32, "a 256-bit target, display order");
            return Target.Parse(target);
        }

        if (difficulty is not null)
        {
            return Target.FromPoolDifficulty(ParseDifficulty(difficulty), algo);
        }

        return TargetFromHeaderBits(header);
    }

    private static Target TargetFromHeaderBits(byte[] header)
    {
        uint bits = BitConverter.ToUInt32(header, 72);
        try
        {
            return Target.FromCompact(bits);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--nbits: the header's nBits 0x{bits:x8} is not a valid target ({ex.Message}).");
        }
    }

    private static Difficulty ParseDifficulty(string text)
    {
        try
        {
            return Difficulty.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--difficulty: expected a positive number such as 0.001 or 16384 ({ex.Message}).");
        }
    }

    private int SolveDuco(ParseResult parse, INonceScanner engine, TextWriter output, bool json)
    {
        Forbid(parse, Algorithms.DucoS1, _header, _from, _count, _target, _nbits);
        string lastHash = Require(parse, _lastHash, Algorithms.DucoS1);
        HexArgument.Decode(lastHash, "--last-hash", 20, "the job's last hash");
        byte[] expected = HexArgument.Decode(Require(parse, _expected, Algorithms.DucoS1), "--expected", 20, "a SHA-1 digest");
        string difficultyText = Require(parse, _difficulty, Algorithms.DucoS1);
        if (!uint.TryParse(difficultyText, NumberStyles.None, CultureInfo.InvariantCulture, out uint difficulty) || difficulty == 0 || difficulty > 42949672)
        {
            throw new UsageException($"--difficulty: a DUCO-S1 job difficulty is a whole number from 1 to 42949672, got '{difficultyText}'.");
        }

        var work = new DucoWork(lastHash.ToLowerInvariant(), expected, difficulty);
        var hits = new NonceHits();
        Stopwatch clock = Stopwatch.StartNew();
        ulong hashed = 0;
        while (hits.Count == 0 && hashed < work.NonceCount)
        {
            ulong chunk = Math.Min(DucoChunk, work.NonceCount - hashed);
            engine.Scan(work, (uint)hashed, chunk, hits);
            hashed += chunk;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        if (hits.Count == 0)
        {
            parse.InvocationConfiguration.Error.WriteLine($"iotminer scan: no nonce in 0..{work.NonceCount - 1} solves this job: check --last-hash, --expected and --difficulty.");
            return ExitCodes.Failure;
        }

        output.WriteLine(json
            ? CliJson.Serialize(new DucoResultJson(hits[0], hashed, seconds))
            : $"nonce {hits[0]} ({hashed} hashes in {seconds:F3} s, {HashRate.Format(seconds > 0 ? hashed / seconds : 0)}, engine {engine.Name})");
        return ExitCodes.Ok;
    }

    private static T Require<T>(ParseResult parse, Option<T?> option, string algo)
        where T : struct
        => parse.GetValue(option) ?? throw new UsageException($"{option.Name} is required with --algo {algo} ({option.Description}).");

    private static string Require(ParseResult parse, Option<string?> option, string algo)
        => parse.GetValue(option) ?? throw new UsageException($"{option.Name} is required with --algo {algo} ({option.Description}).");

    private static void Forbid(ParseResult parse, string algo, params Option[] options)
    {
        foreach (Option option in options)
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                throw new UsageException($"{option.Name} does not apply to --algo {algo}.");
            }
        }
    }
}
