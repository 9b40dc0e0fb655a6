using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>The real agent host (`iotminer run`) mining for the in-process Stratum pool, which recomputes every share.</summary>
[Collection(RealMiningCollection.Name)]
public sealed class AgentAgainstTestPoolTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("iotminer-agent-").FullName;

    [Fact]
    public async Task Agent_submits_valid_shares_and_keeps_them_coming_across_a_dropped_connection()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 0.0002 });
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = new StringWriter();
        var error = new StringWriter();
        Task<int> agent = AgentHost.RunAsync(EmptyConfig(), Overrides(pool.Url), output, error, stop.Token);

        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 5 || agent.IsCompleted, "5 shares accepted before the drop", 90);
        Assert.False(agent.IsCompleted, "the agent stopped early: " + error);
        await pool.DropAsync();
        int beforeDrop = pool.Submissions.Count;
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= beforeDrop + 5 && pool.ConnectionsAccepted >= 2, "5 more shares after reconnecting", 90);

        stop.Cancel();
        Assert.Equal(0, await agent);
        Assert.Empty(pool.ProtocolErrors);
        // A share in flight when the connection dropped is sent again on the next one (its answer was lost with the
        // connection): the pool may call that resubmission a duplicate, and nothing else may be refused.
        var accepted = pool.Submissions.Where(s => s.Accepted).Select(s => s.Key).ToList();
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        Assert.All(pool.Submissions.Where(s => !s.Accepted), s =>
            Assert.True(s.ErrorCode == 22 && accepted.Contains(s.Key), $"share {s} was refused by the pool and is not a resubmission of an accepted one"));
    }

    private string EmptyConfig()
    {
        string path = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(path, "{ // consent and pool come from the overrides\n}");
        return path;
    }

    private string[] Overrides(string poolUrl) =>
    [
        "--consent=true",
        $"--stateDirectory={_state}",
        "--mqtt:enabled=false",
        "--mining:threads=1",
        "--governor:idleOnly=false",
        "--governor:noSensorDutyPercent=100",
        $"--stratum:pools:0:url={poolUrl}",
        "--stratum:pools:0:user=bc1qtestpayout.rig1",
    ];

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
