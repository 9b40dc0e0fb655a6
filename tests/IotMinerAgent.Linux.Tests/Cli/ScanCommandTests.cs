using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Linux.Tests.Cli;

public class ScanCommandTests
{
    [Theory]
    [InlineData("genesis")]
    [InlineData("block-100000")]
    [InlineData("block-125552")]
    public void Scan_with_the_headers_nbits_finds_exactly_the_real_nonce(string name)
    {
        JsonElement vector = VectorFile.Vector("bitcoin-headers.json", name);
        uint nonce = vector.GetProperty("nonce").GetUInt32();
        CliRun run = CliRun.Of("scan", "--algo", "sha256d", "--header", vector.GetProperty("header").GetString()!,
            "--from", (nonce - 1500).ToString(), "--count", "3000", "--nbits", "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement[] lines = run.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        JsonElement hit = Assert.Single(lines[..^1]);
        Assert.Equal(nonce, hit.GetProperty("nonce").GetUInt32());
        Assert.Equal(vector.GetProperty("hash").GetString(), hit.GetProperty("hash").GetString());
        Assert.True(hit.GetProperty("share_difficulty").GetDouble() >= 1);
        JsonElement summary = lines[^1];
        Assert.Equal(3000UL, summary.GetProperty("hashes").GetUInt64());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("engine").GetString()));
        Assert.True(summary.GetProperty("seconds").GetDouble() >= 0);
        Assert.True(summary.TryGetProperty("hashes_per_second", out _));
    }

    [Fact]
    public void Scan_at_pool_difficulty_reports_every_share_with_its_difficulty()
    {
        JsonElement vector = VectorFile.Vector("bitcoin-headers.json", "genesis");
        CliRun run = CliRun.Of("scan", "--algo", "sha256d", "--header", vector.GetProperty("header").GetString()!,
            "--from", "0", "--count", "20000", "--difficulty", "0.0001", "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement[] hits = run.Output.Trim().Split('\n').SkipLast(1).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.NotEmpty(hits); // difficulty 0.0001 is about one share per 430,000 / 10,000 ≈ 43 hashes
        Assert.All(hits, h => Assert.True(h.GetProperty("share_difficulty").GetDouble() >= 0.0001));
        Assert.Equal(hits.OrderBy(h => h.GetProperty("nonce").GetUInt32()).ToArray(), hits);
    }

    [Fact]
    public void Scan_of_a_duco_job_prints_its_nonce()
    {
        JsonElement vector = VectorFile.Vector("duco-s1.json", "diff-7500");
        CliRun run = CliRun.Of("scan", "--algo", "duco-s1", "--last-hash", vector.GetProperty("last_hash").GetString()!,
            "--expected", vector.GetProperty("expected").GetString()!, "--difficulty", "7500", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal(vector.GetProperty("nonce").GetUInt32(), json.RootElement.GetProperty("nonce").GetUInt32());
        Assert.True(json.RootElement.GetProperty("hashes").GetUInt64() > vector.GetProperty("nonce").GetUInt64());
    }

    [Theory]
    [InlineData("--header", "scan --algo sha256d --header 00 --from 0 --count 1 --nbits", "160 hex characters")]
    [InlineData("--from", "scan --algo sha256d --header H --count 1 --nbits", "--from is required")]
    [InlineData("--target", "scan --algo sha256d --header H --from 0 --count 1 --nbits --difficulty 1", "exactly one of")]
    [InlineData("4294967296", "scan --algo sha256d --header H --from 4294967295 --count 2 --nbits", "at most 4294967296")]
    [InlineData("--difficulty", "scan --algo sha256d --header H --from 0 --count 1 --difficulty -3", "positive number")]
    [InlineData("--engine", "scan --algo sha256d --header H --from 0 --count 1 --nbits --engine warp9", "warp9")]
    [InlineData("--header", "scan --algo duco-s1 --header H --difficulty 5", "does not apply")]
    [InlineData("--last-hash", "scan --algo duco-s1 --expected 00 --difficulty 5", "--last-hash is required")]
    public void Wrong_arguments_give_one_line_naming_the_argument_and_exit_2(string named, string commandLine, string expected)
    {
        string header = VectorFile.Vector("bitcoin-headers.json", "genesis").GetProperty("header").GetString()!;
        CliRun run = CliRun.Of(commandLine.Replace(" H ", $" {header} ").Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(string.Empty, run.Output);
    }
}
