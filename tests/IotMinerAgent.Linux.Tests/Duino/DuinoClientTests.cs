using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.DuinoTestPool;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino;
using IotMinerAgent.Linux.Tests.Stratum;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Tests.Duino;

/// <summary>
/// The Duino client against the in-process Duino pool (which checks every result with SHA-1): each case scripts the
/// pool (wrong-result answers, tier moves, bans, drops, slow answers, malformed jobs, a wrong version line) and checks
/// what the client did. Jobs are solved in the callback with the portable reference, so no hashing thread is needed.
/// </summary>
public sealed class DuinoClientTests
{
    private readonly CapturingLogger _log = new();
    private readonly ConcurrentQueue<DuinoFeedback?> _feedback = new();

    private DuinoClient Client(DuinoPool pool, int connections = 1, DuinoTier? tier = null) =>
        new(new DuinoClientSettings(
                new DuinoClientOptions { Username = "alice", MiningKey = "k3y", Pool = pool.Endpoint },
                connections, tier ?? DuinoTiers.Low, "test-rig", "iotminer test", 77)
            {
                RetryDelay = TimeSpan.FromMilliseconds(100),
                ReconnectInitial = TimeSpan.FromMilliseconds(100),
                ReconnectMax = TimeSpan.FromMilliseconds(400),
            },
            () => "Temp:41.5*C", new HttpClient(), _log);

    // Solves each job with the portable scalar reference and submits it as the mining side would.
    private void Solve(DuinoAssignment assignment) => _ = Task.Run(async () =>
    {
        long nonce = DucoS1.Solve(assignment.Job.ToWork());
        _feedback.Enqueue(await assignment.SubmitAsync((uint)nonce, 12345.678));
    });

    private static async Task StopAsync(CancellationTokenSource stop, Task run)
    {
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Mines_with_the_configured_account_and_every_result_is_good()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 200 });
        using var stop = new CancellationTokenSource();
        DuinoClient client = Client(pool, connections: 2);
        Task run = client.RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Select(r => r.ConnectionId).Distinct().Count() == 2 && pool.Good.Count >= 6, "6 good results over 2 connections");
        await StopAsync(stop, run);

        Assert.Empty(pool.ProtocolErrors);
        Assert.All(pool.Results, r => Assert.True(r.Correct));
        DuinoResultRecord first = pool.Results[0];
        Assert.Equal(("alice", "LOW", "12345.67", "iotminer test", "test-rig", "", "77"), (first.User, first.Tier, first.ReportedHashrate, first.MinerName, first.RigId, first.ChipField, first.WalletId));
        Assert.Contains("JOB,alice,LOW,k3y,Temp:41.5*C", pool.ReceivedLines.Select(l => l.Line));
        Assert.Equal(2, pool.ConnectionsAccepted);
        Assert.Equal(pool.Endpoint, client.State.Pool);
    }

    [Fact]
    public async Task Incorrect_result_answers_are_counted_and_logged_with_the_job_and_mining_goes_on()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 200, WrongResultAnswers = 2 });
        using var stop = new CancellationTokenSource();
        DuinoClient client = Client(pool);
        Task run = client.RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Count >= 2, "2 good results after 2 incorrect-result answers");
        await StopAsync(stop, run);

        Assert.Equal(2, client.State.IncorrectResults);
        Assert.Equal(2, _feedback.Count(f => f?.Reason == DuinoBadReasons.IncorrectResult && f.Verdict == ShareVerdict.Rejected));
        string[] logged = _log.AtLeast(LogLevel.Warning).Where(m => m.Contains("Incorrect result", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, logged.Length);
        DuinoResultRecord firstRejected = pool.Results[0];
        Assert.Contains(firstRejected.LastHash + ",", logged[0]);
        Assert.Contains($"nonce {firstRejected.NonceText} ", logged[0]);
    }

    [Theory]
    [InlineData("LOW", "MEDIUM", "Too low starting difficulty")]
    [InlineData("NET", "MEDIUM", "Too high starting difficulty")]
    [InlineData("ESP32", "MEDIUM", "Too low starting difficulty")]
    public async Task Tier_move_answers_move_one_tier_at_a_time_until_good_and_each_move_is_logged_once(string start, string required, string reason)
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 100, RequiredTier = required });
        using var stop = new CancellationTokenSource();
        DuinoTiers.TryFind(start, out DuinoTier startTier);
        DuinoClient client = Client(pool, connections: 2, tier: startTier);
        Task run = client.RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Count >= 4, "4 good results at the required tier");
        await StopAsync(stop, run);

        Assert.Equal(required, client.State.Tiers.Current.Name);
        Assert.All(pool.Good, r => Assert.Equal(required, r.Tier));
        Assert.All(pool.Results.Where(r => r.Answer != "GOOD"), r => Assert.Equal("BAD," + reason, r.Answer));
        string[] moves = _log.Entries.Where(e => e.Message.Contains("asking for tier", StringComparison.Ordinal)).Select(e => e.Message).ToArray();
        Assert.Equal(Math.Abs(Rank(required) - Rank(start)), moves.Length);
        Assert.Equal(moves.Length, moves.Distinct().Count());
    }

    private static int Rank(string tier) => DuinoTiers.TryFind(tier, out DuinoTier found) ? found.Rank : -1;

    [Theory]
    [InlineData("User banned")]
    [InlineData("Too many workers")]
    public async Task A_ban_stops_every_connection_without_reconnecting(string reason)
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 100, BanReason = reason });
        DuinoClient client = Client(pool, connections: 2);

        await client.RunAsync(Solve, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(reason, client.State.StopReason);
        Assert.True(pool.ConnectionsAccepted <= 2, $"the client reconnected after the ban: {pool.ConnectionsAccepted} connections");
        await Task.Delay(500);
        Assert.True(pool.ConnectionsAccepted <= 2);
        string stopped = Assert.Single(_log.AtLeast(LogLevel.Error));
        Assert.Contains(reason, stopped);
        Assert.Contains("Mining stopped", stopped);
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_and_the_voided_job_is_answered_null()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 200, DropAfterResults = 2 });
        using var stop = new CancellationTokenSource();
        DuinoClient client = Client(pool);
        Task run = client.RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Count >= 6 && pool.ConnectionsAccepted >= 3, "6 good results over 3 connections (2 drops)");
        await StopAsync(stop, run);

        Assert.Empty(pool.ProtocolErrors);
        Assert.Contains(_log.AtLeast(LogLevel.Warning), m => m.Contains("reconnecting in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slow_answers_are_waited_for()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 100, AnswerDelay = TimeSpan.FromSeconds(1.5) });
        using var stop = new CancellationTokenSource();
        Task run = Client(pool).RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Count >= 2, "2 good results from a slow pool");
        await StopAsync(stop, run);

        Assert.Equal(1, pool.ConnectionsAccepted);
        Assert.DoesNotContain(_log.AtLeast(LogLevel.Warning), m => m.Contains("reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_jobs_and_a_wrong_version_line_are_logged_and_survived()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 100, MalformedJobs = 2, VersionLine = "<html>oops</html>" });
        using var stop = new CancellationTokenSource();
        Task run = Client(pool).RunAsync(Solve, stop.Token);

        await pool.WaitUntilAsync(() => pool.Good.Count >= 2, "2 good results after 2 malformed jobs");
        await StopAsync(stop, run);

        Assert.Equal(1, pool.ConnectionsAccepted);
        string[] warnings = _log.AtLeast(LogLevel.Warning).ToArray();
        Assert.Equal(2, warnings.Count(m => m.Contains("malformed job", StringComparison.Ordinal)));
        Assert.Contains(warnings, m => m.Contains("instead of a version line", StringComparison.Ordinal) && m.Contains("<html>oops</html>", StringComparison.Ordinal));
    }
}
