using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Tests.Agent;
using IotMinerAgent.Linux.Tests.Cli;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>The real <c>iotminer run</c> process: it prints the dashboard address, and status and metrics answer while it mines.</summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class AgentProcessApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-api-").FullName;

    [Fact]
    public async Task Run_prints_the_dashboard_address_and_answers_status_and_metrics_while_mining()
    {
        using AgentProcess agent = AgentProcess.Start(_dir, "run", "--consent=true", "--api:port=0", "--mqtt:enabled=false",
            "--governor:idleOnly=false", $"--stateDirectory={Path.Combine(_dir, "state")}");
        await agent.WaitUntilAsync(lines => lines.Any(l => Address().IsMatch(l)), "the dashboard address", 120);
        var address = new Uri(Address().Match(agent.LinesWith("Dashboard and API").First()).Groups[1].Value);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        // The status hash rate is a one-minute average of the real miners: above zero once they hashed.
        DateTime deadline = DateTime.UtcNow.AddMinutes(3);
        double hashrate = 0;
        while (hashrate <= 0 && DateTime.UtcNow < deadline)
        {
            using JsonDocument status = JsonDocument.Parse(await http.GetStringAsync("/api/v1/status"));
            hashrate = status.RootElement.GetProperty("hashrate_hs").GetDouble();
            Assert.Equal("demo — not earning", status.RootElement.GetProperty("pool").GetString());
            await Task.Delay(500);
        }

        Assert.True(hashrate > 0, "the status never showed a hash rate above zero:\n" + agent.Output);
        string metrics = await http.GetStringAsync("/metrics");
        string line = metrics.Split('\n').Single(l => l.StartsWith("iotminer_hashrate_hs ", StringComparison.Ordinal));
        Assert.True(double.Parse(line["iotminer_hashrate_hs ".Length..], System.Globalization.CultureInfo.InvariantCulture) > 0, metrics);
        Assert.Contains("iotminer_info{algo=\"sha256d\"", metrics);
        Assert.Contains("<title>iotminer dashboard</title>", await http.GetStringAsync("/"));
        Assert.Equal(0, await agent.StopAsync());
    }

    [Fact]
    public void A_bind_beyond_loopback_without_a_token_exits_78_naming_the_key()
    {
        CliRun run = CliRun.Of("run", "--consent=true", "--api:host=0.0.0.0", "--mqtt:enabled=false", $"--stateDirectory={_dir}");
        Assert.Equal(78, run.ExitCode);
        Assert.Contains("api:accessToken", run.Error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"Dashboard and API: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Address();
}
