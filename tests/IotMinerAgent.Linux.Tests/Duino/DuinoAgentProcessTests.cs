using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IotMinerAgent.DuinoTestPool;
using IotMinerAgent.Linux.Tests.Agent;

namespace IotMinerAgent.Linux.Tests.Duino;

/// <summary>
/// <c>iotminer run --consent=true --mining:algorithm=duco-s1 --duino:username=NAME --duino:pool=127.0.0.1:PORT</c> as a
/// real process, mining for the in-process Duino pool, which checks every result with SHA-1 before it answers GOOD.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class DuinoAgentProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotminer-duino-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Iotminer_run_mines_duco_s1_and_gets_good_answers_the_pool_verified()
    {
        // Small jobs (0..500000) so even a starved SCHED_IDLE miner solves several within the timeout.
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 5000 });
        string config = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(config, "{}");
        using Process agent = Start(["run", "--config", config, $"--stateDirectory={_dir}", "--consent=true", "--mining:algorithm=duco-s1",
            "--duino:username=NAME", $"--duino:pool={pool.Endpoint}", "--mining:threads=2", "--governor:idleOnly=false",
            "--governor:noSensorDutyPercent=100", "--mqtt:enabled=false"]);
        var output = new StringBuilder();
        agent.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        agent.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        string Text() { lock (output) { return output.ToString(); } }
        try
        {
            await pool.WaitUntilAsync(() => pool.Good.Count >= 4 || agent.HasExited, "4 good results from iotminer run", 180);
            Assert.False(agent.HasExited, "the agent stopped on its own: " + Text());
            using Process kill = Process.Start("kill", ["-TERM", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            Assert.True(agent.WaitForExit(TimeSpan.FromSeconds(30)), "the agent did not stop within 30 s of SIGTERM");
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
        Assert.Empty(pool.ProtocolErrors);
        Assert.All(pool.Results, r => Assert.True(r.Correct, $"result {r} did not solve its job"));
        Assert.All(pool.Results, r => Assert.Equal("NAME", r.User));
        // One connection per worker thread, each asking for its own job (the governor may park a thread under load, so
        // not every connection need have solved one yet).
        Assert.Equal(2, pool.ConnectionsAccepted);
        Assert.Equal(2, pool.ReceivedLines.Where(l => l.Line.StartsWith("JOB,NAME,", StringComparison.Ordinal)).Select(l => l.Connection).Distinct().Count());
        Assert.Contains("Mining duco-s1", Text());
        Match summary = SummaryLine().Match(Text());
        Assert.True(summary.Success, Text());
        Assert.True(int.Parse(summary.Groups["accepted"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 4, summary.Value);
    }

    [GeneratedRegex(@"^iotminer: stopped after .* shares (?<accepted>\d+) accepted", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    private static Process Start(string[] arguments)
    {
        ProcessStartInfo start = AgentExecutable.StartInfo(arguments);

        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("INVOCATION_ID");
        return Process.Start(start) ?? throw new InvalidOperationException("iotminer did not start");
    }
}
