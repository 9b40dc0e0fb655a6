using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// <c>iotminer run</c> as a real process on demo work: SIGTERM (what systemd and Ctrl-C's SIGINT do alike) ends it
/// with exit code 0 and one summary line.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class StopSummaryProcessTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("iotminer-stop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sigterm_prints_one_summary_line_and_exits_0(bool mqtt)
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{}");
        string[] mqttSettings = mqtt
            ? ["--mqtt:enabled=true", $"--mqtt:embeddedBrokerPort={FreePort()}", "--mqtt:homeAssistant=false"]
            : ["--mqtt:enabled=false"];
        using Process agent = Start(["run", "--config", config, $"--stateDirectory={_dir}", "--consent=true", "--mining:threads=1",
            "--governor:idleOnly=false", .. mqttSettings]);
        var output = new StringBuilder();
        var error = new StringBuilder();
        agent.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        agent.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        string Text(StringBuilder text) { lock (text) { return text.ToString(); } }
        try
        {
            // MiningService logs "Mining sha256d with engine …" once the workers run; then let them hash a moment.
            await WaitForAsync(() => Text(output).Contains("Mining sha256d", StringComparison.Ordinal) || agent.HasExited, TimeSpan.FromSeconds(30));
            Assert.False(agent.HasExited, "the agent stopped on its own: " + Text(error) + Text(output));
            await Task.Delay(TimeSpan.FromSeconds(2));

            Signal(agent.Id, "TERM");
            Assert.True(agent.WaitForExit(TimeSpan.FromSeconds(20)), "the agent did not stop within 20 s of SIGTERM");
            agent.WaitForExit();
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, agent.ExitCode);
        Match summary = Assert.Single(SummaryLine().Matches(Text(output)));
        Assert.True(long.Parse(summary.Groups["hashes"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) > 0, summary.Value);
        if (mqtt)
        {
            Assert.Matches(@"^(empty|\d+ shares? to send at the next start)$", summary.Groups["outbox"].Value);
        }
        else
        {
            Assert.Equal("none (mqtt off)", summary.Groups["outbox"].Value);
        }

        Assert.DoesNotContain("Unhandled exception", Text(error));
    }

    [Fact]
    public void The_line_names_uptime_hashes_every_share_count_and_the_outbox()
    {
        Assert.Equal("iotminer: stopped after 1:02:03 · 1,234,567 hashes · shares 12 accepted, 1 rejected, 2 stale, 3 pending · outbox: 4 shares to send at the next start",
            StopSummary.Line(new TimeSpan(1, 2, 3), 1_234_567, 12, 1, 2, 3, 4));
        Assert.EndsWith("· outbox: none (mqtt off)", StopSummary.Line(TimeSpan.Zero, 0, 0, 0, 0, 0, null));
    }

    [GeneratedRegex(@"^iotminer: stopped after \d+:\d\d:\d\d · (?<hashes>[\d,]+) hashes · shares \d+ accepted, \d+ rejected, \d+ stale, \d+ pending · outbox: (?<outbox>[^\r\n]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    static Process Start(string[] arguments)
    {
        ProcessStartInfo start = AgentExecutable.StartInfo(arguments);

        // Not a systemd service even when the tests run under one: the plain console path.
        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("INVOCATION_ID");
        return Process.Start(start) ?? throw new InvalidOperationException("iotminer did not start");
    }

    static void Signal(int pid, string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
