using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Tests.Terminal;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// The real <c>iotminer run</c> at a high demo share rate (a tiny <c>demo:shareDifficulty</c>): with output redirected
/// (as under systemd) it logs plain lines and summarises accepted shares instead of a line per share; on a terminal
/// (a pseudo-terminal from <c>script</c>) the live status line is drawn and never left broken among the log lines,
/// and NO_COLOR leaves no colour codes.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class ShareLogProcessTests : IDisposable
{
    // About 215,000 hashes a share (0.00005 · 2^32): tens of shares a second on one thread at full duty.
    const string TinyDifficulty = "--demo:shareDifficulty=0.00005";

    readonly string _dir = Directory.CreateTempSubdirectory("iotminer-sharelog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Redirected_output_gets_share_summaries_not_a_line_per_share_and_no_control_codes()
    {
        using AgentProcess agent = AgentProcess.Start(_dir, Arguments());
        await agent.WaitUntilAsync(lines => AcceptedLines.Summaries(lines) >= 1 && AcceptedLines.Count(lines) >= 20, "20 shares accepted and summarised", 120);
        Assert.Equal(0, await agent.StopAsync());

        IReadOnlyList<string> lines = agent.Lines;
        long accepted = long.Parse(StopLine().Match(agent.Output).Groups["accepted"].Value);
        // Every accepted share is in exactly one line; far fewer lines than shares.
        Assert.Equal(accepted, AcceptedLines.Count(lines));
        Assert.True(AcceptedLines.Lines(lines) * 4 <= accepted, $"{AcceptedLines.Lines(lines)} lines for {accepted} shares:\n{agent.Output}");
        Assert.DoesNotContain(lines, l => l.Contains(" found: ", StringComparison.Ordinal) || l.Contains(" recorded (", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', agent.Output);
        // The console logger's plain structured lines, as before: "info: Category[0] message".
        Assert.Contains(lines, l => l.StartsWith("info: IotMinerAgent.Linux.Agent.ShareSubmitter[0] ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_a_terminal_the_live_status_line_is_drawn_and_never_left_broken_among_the_log_lines(bool noColor)
    {
        string raw = await RunOnTerminalAsync(noColor);

        // The live line was drawn (cursor codes), with the status figures.
        Assert.Contains("\u001b[2K", raw);
        // (The state depends on the machine's load; the line is cut to the pseudo-terminal's 80 columns.)
        Assert.Matches(@"(mining|throttled|paused|no-work) · \d+\.\d [kMG]?H/s · duty \d+ % · 1 thread · \d+ accepted", raw);
        Assert.True(AcceptedLines.Summaries(raw.Split('\n')) >= 1, VirtualTerminal.Escape(raw));

        // What stays on the screen: log lines and the stop summary on a row of its own; no status line, whole or broken.
        var terminal = new VirtualTerminal();
        terminal.Feed(raw);
        IReadOnlyList<string> rows = terminal.Rows;
        Assert.DoesNotContain(rows, r => r.Contains("H/s", StringComparison.Ordinal));
        Assert.Matches(StopLine(), rows[^1]);
        Assert.Contains(rows, r => LogRow().IsMatch(r) && r.Contains("shares accepted in the last", StringComparison.Ordinal));

        List<string> colours = [.. Sgr().Matches(raw).Select(m => m.Groups[1].Value)
            .Where(p => p.Split(';').Any(x => int.TryParse(x, out int n) && n is (>= 30 and <= 49) or (>= 90 and <= 107)))];
        Assert.Equal(noColor, colours.Count == 0);
    }

    // Runs the agent on a pseudo-terminal (util-linux script) for 25 s, stopped with SIGINT as Ctrl-C would, and returns
    // everything the terminal received.
    async Task<string> RunOnTerminalAsync(bool noColor)
    {
        string command = "exec timeout -s INT 25 " + string.Join(" ", AgentExecutable.Command().Concat(Arguments()).Select(a => "'" + a + "'"));
        var start = new ProcessStartInfo("script", ["-q", "-e", "-c", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _dir,
        };
        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("INVOCATION_ID");
        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("NO_COLOR");
        if (noColor)
        {
            start.Environment["NO_COLOR"] = "1";
        }

        using Process script = Process.Start(start) ?? throw new InvalidOperationException("script did not start");
        Task<string> output = script.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await script.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }

        string raw = await output;
        Assert.True(script.ExitCode == 124 || script.ExitCode == 0, $"exit {script.ExitCode}: {VirtualTerminal.Escape(raw)}");
        return raw;
    }

    string[] Arguments()
    {
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{}");
        return ["run", "--config", config, $"--stateDirectory={_dir}", "--consent=true", "--mining:threads=1", "--governor:idleOnly=false",
            "--governor:noSensorDutyPercent=100", "--mqtt:enabled=false", TinyDifficulty];
    }

    [GeneratedRegex(@"iotminer: stopped after \S+ · [\d,]+ hashes · shares (?<accepted>\d+) accepted")]
    private static partial Regex StopLine();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d (info|warn|fail) ")]
    private static partial Regex LogRow();

    [GeneratedRegex(@"\u001b\[([0-9;]*)m")]
    private static partial Regex Sgr();
}
