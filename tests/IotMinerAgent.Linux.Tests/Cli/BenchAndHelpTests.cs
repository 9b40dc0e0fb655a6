using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Linux.Tests.Cli;

public class BenchAndHelpTests
{
    [Fact]
    public void Help_lists_every_command_with_a_description()
    {
        CliRun run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var command in IotMinerAgent.Linux.Cli.CommandLineApp.BuildRoot().Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description));
            Assert.Contains(command.Name, run.Output);
            Assert.Contains(command.Description!, run.Output);
        }

        Assert.Contains("scan", run.Output);
        Assert.Contains("bench", run.Output);
    }

    [Fact]
    public void List_engines_shows_each_algorithm_with_exactly_one_selected_supported_engine()
    {
        CliRun run = CliRun.Of("bench", "--list-engines", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement[] engines = run.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        foreach (string algo in new[] { "sha256d", "scrypt", "duco-s1" })
        {
            JsonElement[] mine = engines.Where(e => e.GetProperty("algo").GetString() == algo).ToArray();
            Assert.Contains(mine, e => e.GetProperty("engine").GetString() == "scalar" && e.GetProperty("supported").GetBoolean());
            JsonElement selected = Assert.Single(mine, e => e.GetProperty("selected").GetBoolean());
            Assert.True(selected.GetProperty("supported").GetBoolean());
        }
    }

    [Theory]
    [InlineData("sha256d")]
    [InlineData("scrypt")]
    [InlineData("duco-s1")]
    public void Bench_json_reports_the_measurement(string algo)
    {
        CliRun run = CliRun.Of("bench", "--algo", algo, "--engine", "scalar", "--threads", "2", "--seconds", "0.2", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement r = json.RootElement;
        Assert.Equal(algo, r.GetProperty("algo").GetString());
        Assert.Equal("scalar", r.GetProperty("engine").GetString());
        Assert.Equal(2, r.GetProperty("threads").GetInt32());
        Assert.True(r.GetProperty("hashes").GetUInt64() > 0);
        double seconds = r.GetProperty("seconds").GetDouble();
        Assert.InRange(seconds, 0.2, 30);
        Assert.Equal(r.GetProperty("hashes").GetUInt64() / seconds, r.GetProperty("hashes_per_second").GetDouble(), 6);
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--seconds", "0")]
    public void Bench_rejects_out_of_range_values(string option, string value)
    {
        CliRun run = CliRun.Of("bench", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }
}
