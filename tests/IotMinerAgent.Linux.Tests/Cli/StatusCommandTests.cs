using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Tests.Agent;

namespace IotMinerAgent.Linux.Tests.Cli;

/// <summary>
/// <c>iotminer status</c> against the real agent (<c>iotminer run</c> on demo work, a real process) and without one:
/// what it prints comes from the agent's API, the exit codes are the documented ones.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class StatusCommandTests : IDisposable
{
    private const string Token = "status-test-token-0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-status-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Status_shows_the_running_agents_state_figures_and_energy_ledger_and_refuses_a_wrong_token()
    {
        // 5 W at 0.30 EUR/kWh: the ledger's first one-minute sample turns today's kWh into a cost.
        using AgentProcess agent = AgentProcess.Start(_dir, "run", "--consent=true", "--api:port=0", $"--api:accessToken={Token}", "--mqtt:enabled=false",
            "--governor:idleOnly=false", "--energy:boardWatts=5", "--energy:idleWatts=1", "--energy:pricePerKwh=0.3", "--energy:currency=EUR",
            $"--stateDirectory={Path.Combine(_dir, "state")}");
        await agent.WaitUntilAsync(lines => lines.Any(l => Address().IsMatch(l)), "the dashboard address", 120);
        string port = Address().Match(agent.LinesWith("Dashboard and API").First()).Groups[1].Value;

        // The ledger samples once a minute: poll the JSON until today has a row and the miners have a hash rate.
        JsonElement status = default;
        DateTime deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            CliRun json = CliRun.Of("status", "--json", $"--api:port={port}", $"--api:accessToken={Token}");
            Assert.True(json.ExitCode == 0, json.Error);
            status = JsonDocument.Parse(json.Output).RootElement.Clone();
            if (Figure(status.GetProperty("energy").GetProperty("today"), "energy") > 0 && Figure(status, "hash_rate") > 0)
            {
                break;
            }

            await Task.Delay(2000);
        }

        JsonElement today = status.GetProperty("energy").GetProperty("today");
        double kwh = Figure(today, "energy");
        Assert.True(kwh > 0 && Figure(status, "hash_rate") > 0, "no ledger row or hash rate within 4 minutes:\n" + status + "\n" + agent.Output);
        Assert.Contains(status.GetProperty("state").GetString(), new[] { "mining", "throttled" });
        Assert.Equal("demo — not earning", status.GetProperty("pool").GetString());
        Assert.Equal("EUR", status.GetProperty("currency").GetString());
        Assert.Equal(DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.GetProperty("to").GetString());

        // Every energy figure carries its unit and source; the cost is the kWh at 0.30 EUR/kWh; demo work earns 0,
        // so the net is minus the cost.
        JsonElement cost = today.GetProperty("figures").GetProperty("energy_cost");
        Assert.Equal("EUR", cost.GetProperty("unit").GetString());
        Assert.Equal("kWh × energy:pricePerKwh", cost.GetProperty("source").GetString());
        Assert.Equal(kwh * 0.3, cost.GetProperty("value").GetDouble(), 9);
        Assert.Equal("kWh", today.GetProperty("figures").GetProperty("energy").GetProperty("unit").GetString());
        Assert.Equal("demo work earns nothing", today.GetProperty("figures").GetProperty("expected_coins").GetProperty("source").GetString());
        Assert.Equal(-kwh * 0.3, Figure(today, "net"), 9);
        Assert.True(Figure(status.GetProperty("energy").GetProperty("last_7_days"), "energy") >= kwh);

        // The real command line, as the owner types it: the readable table.
        using (AgentProcess table = AgentProcess.Start(_dir, "status", $"--api:port={port}", $"--api:accessToken={Token}"))
        {
            Assert.Equal(0, await table.WaitForExitAsync(60));
            string text = table.Output;
            Assert.Matches(@"state\s+(mining|throttled)", text);
            Assert.Matches(@"hash rate\s+[\d.,]+ [kMG]?H/s\s+one-minute average", text);
            Assert.Matches(@"energy cost\s+[\d.e+-]+ EUR\s+kWh × energy:pricePerKwh", text);
            Assert.Contains("today (" + DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")", text);
            Assert.Contains("last 7 days (", text);
            Assert.Contains("Costs and earnings in EUR (energy:currency)", text);
        }

        // A wrong token: refused, said so, exit 77 (EX_NOPERM); the token is not echoed.
        CliRun wrong = CliRun.Of("status", $"--api:port={port}", "--api:accessToken=not-the-agents-token-42");
        Assert.Equal(77, wrong.ExitCode);
        Assert.Contains("refused the access token", wrong.Error);
        Assert.DoesNotContain("not-the-agents-token-42", wrong.Error);
        CliRun none = CliRun.Of("status", $"--api:port={port}");
        Assert.Equal(77, none.ExitCode);
        Assert.Contains("requires an access token", none.Error);

        Assert.Equal(0, await agent.StopAsync());
    }

    [Fact]
    public void Without_a_running_agent_status_names_the_fix_and_exits_69()
    {
        // A port nothing listens on: taken from the system, then released.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        CliRun run = CliRun.Of("status", $"--api:port={port}");
        Assert.Equal(69, run.ExitCode);
        Assert.Contains($"no agent answers at http://127.0.0.1:{port}/ (api:host, api:port): start it ('iotminer run'", run.Error);
        Assert.Equal("", run.Output);

        CliRun disabled = CliRun.Of("status", "--api:enabled=false");
        Assert.Equal(69, disabled.ExitCode);
        Assert.Contains("api:enabled = false", disabled.Error);
    }

    private static double Figure(JsonElement owner, string name)
    {
        JsonElement value = owner.GetProperty("figures").GetProperty(name).GetProperty("value");
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
    }

    [GeneratedRegex(@"Dashboard and API: http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Address();
}
