using System;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>The client, driven by a test miner, against the in-process pool that recomputes every share.</summary>
public class StratumClientFlowTests
{
    [Fact]
    public async Task Mines_shares_that_the_pool_recomputes_and_accepts_with_rolled_versions()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();

        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 8, "8 accepted shares");
        await harness.Miner!.StopAsync();
        ShareResult[] results = await harness.Miner.ResultsAsync();

        Assert.All(results, r => Assert.Equal(ShareVerdict.Accepted, r.Outcome));
        Assert.Equal(results.Length, pool.Submissions.Count);
        Assert.Equal(harness.Miner.Shares.Select(s => s.Key).OrderBy(k => k), pool.Accepted.Select(s => s.Key).OrderBy(k => k));
        Assert.All(pool.Accepted, s => Assert.True(s.ShareDifficulty >= pool.Options.Difficulty));
        Assert.All(pool.Accepted, s => Assert.NotNull(s.VersionBits));
        Assert.Contains(pool.Accepted, s => s.VersionBits != "00000000");
        Assert.Equal(0x1fffe000u, harness.Client.VersionMask);
        Assert.Equal(results.Length, harness.Client.Counters.Accepted);
        Assert.Contains(pool.ClientLines, l => l == "{\"id\":4,\"method\":\"mining.suggest_difficulty\",\"params\":[0.5]}");
        Assert.Contains(pool.ClientLines, l => l.Contains("\"mining.extranonce.subscribe\"", StringComparison.Ordinal));
        harness.AssertNoProtocolErrors();
        Assert.Empty(harness.Warnings);
    }

    [Fact]
    public async Task Without_version_rolling_at_the_pool_submits_carry_no_version_bits()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { VersionRollingMask = null });
        await using ClientHarness harness = new ClientHarness(pool).Start();

        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 3, "3 accepted shares");

        Assert.Equal(0u, harness.Client.VersionMask);
        Assert.All(pool.Submissions, s => Assert.Null(s.VersionBits));
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted, s.ErrorMessage));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Refused_authorization_means_no_work_and_no_submit()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { AuthorizeResult = false });
        await using ClientHarness harness = new ClientHarness(pool).Start();

        await pool.WaitUntilAsync(() => pool.ClientLines.Count(l => l.Contains("mining.authorize", StringComparison.Ordinal)) >= 2, "a second authorize after backoff");

        Assert.Null(harness.Client.CurrentWork);
        Assert.Equal(0, harness.Miner!.Count);
        Assert.DoesNotContain(pool.ClientLines, l => l.Contains("mining.submit", StringComparison.Ordinal));
        Assert.Contains("refused worker 'wallet.rig1'", harness.Client.LastFailure);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task A_difficulty_change_mid_session_applies_to_the_next_shares()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares at the first difficulty");

        await pool.SetDifficultyAsync(0.00003);
        string job = await pool.SendJobAsync(clean: false);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 2, "2 accepted shares on the job after the change", 40);
        await harness.Miner!.StopAsync();

        Assert.Equal(Difficulty.Parse("0.00003"), harness.Client.Difficulty);
        Assert.All(pool.Accepted.Where(s => s.JobId == job), s => Assert.True(s.ShareDifficulty >= 0.00003, $"share difficulty {s.ShareDifficulty}"));
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted, s.ErrorMessage));
        Assert.All(await harness.Miner.ResultsAsync(), r => Assert.True(r.Outcome is ShareVerdict.Accepted or ShareVerdict.BelowTarget, r.Reason));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task An_extranonce_change_mid_session_applies_to_the_following_jobs()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");

        await pool.SetExtranonceAsync("c0ffee01", 3);
        string job = await pool.SendJobAsync(clean: false);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 2, "2 accepted shares with the new extranonce");
        await harness.Miner!.StopAsync();

        Assert.All(pool.Accepted.Where(s => s.JobId == job), s =>
        {
            Assert.Equal("c0ffee01", s.Extranonce1);
            Assert.Equal(6, s.Extranonce2.Length);
        });
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted, s.ErrorMessage));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task A_new_version_mask_with_a_clean_job_limits_the_rolled_bits()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");

        await pool.SetVersionMaskAsync(0x00006000);
        string job = await pool.SendJobAsync(clean: true);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 4, "4 accepted shares under the new mask");

        Assert.Equal(0x00006000u, harness.Client.VersionMask);
        Assert.All(pool.Accepted.Where(s => s.JobId == job), s => Assert.Equal(0u, Convert.ToUInt32(s.VersionBits, 16) & ~0x00006000u));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Clean_jobs_make_shares_of_earlier_jobs_stale_without_submitting_them()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start(mine: false);
        StratumWork work = await TestMiner.WorkForAsync(harness.Client, null);
        StratumShare old = TestMiner.FindShare(work, 1);

        StratumWork next = await TestMiner.WorkForAsync(harness.Client, await pool.SendJobAsync(clean: true));
        ShareResult result = await harness.Client.SubmitAsync(old);

        Assert.True(next.CleanJobs);
        Assert.Equal(ShareVerdict.Stale, result.Outcome);
        Assert.Equal(1, harness.Client.Counters.Stale);
        Assert.Empty(pool.Submissions);
        Assert.Equal(ShareVerdict.Accepted, (await harness.Client.SubmitAsync(TestMiner.FindShare(next, 1))).Outcome);
    }

    [Fact]
    public async Task Pool_rejections_are_counted_with_the_pools_reasons()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start(mine: false);
        StratumWork work = await TestMiner.WorkForAsync(harness.Client, null);
        StratumShare first = TestMiner.FindShare(work, 1);

        ShareResult accepted = await harness.Client.SubmitAsync(first);
        ShareResult duplicate = await harness.Client.SubmitAsync(first);
        pool.RejectNext(21, "Stale job");
        ShareResult stale = await harness.Client.SubmitAsync(TestMiner.FindShare(work, 1000));
        pool.RejectNext(23, "Low difficulty share");
        ShareResult low = await harness.Client.SubmitAsync(TestMiner.FindShare(work, 2000));

        Assert.Equal(new ShareResult(ShareVerdict.Accepted, null), accepted);
        Assert.Equal(new ShareResult(ShareVerdict.Rejected, "22 Duplicate share"), duplicate);
        Assert.Equal(new ShareResult(ShareVerdict.Stale, "21 Stale job"), stale);
        Assert.Equal(new ShareResult(ShareVerdict.Rejected, "23 Low difficulty share"), low);
        StratumShareCounters counters = harness.Client.Counters;
        Assert.Equal((1, 2, 1), (counters.Accepted, counters.Rejected, counters.Stale));
        Assert.Equal(1, counters.Reasons["22 Duplicate share"]);
        Assert.Equal(1, counters.Reasons["23 Low difficulty share"]);
        Assert.Equal(1, counters.Reasons["21 Stale job"]);
    }

    [Fact]
    public async Task A_hit_below_the_pool_difficulty_is_not_sent()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 1 });
        await using ClientHarness harness = new ClientHarness(pool).Start(mine: false);
        StratumWork work = await TestMiner.WorkForAsync(harness.Client, null);
        byte[] extranonce2 = work.Job.Extranonce2(1);

        ShareResult result = await harness.Client.SubmitAsync(work.CreateShare(extranonce2, work.Job.NTime, 12345, 0));

        Assert.Equal(ShareVerdict.BelowTarget, result.Outcome);
        Assert.Empty(pool.Submissions);
        Assert.Throws<ArgumentException>(() => work.CreateShare(new byte[2], work.Job.NTime, 1, 0));
    }

    [Fact]
    public async Task After_the_client_stops_shares_are_dropped_and_the_work_channel_completes()
    {
        await using TestPool pool = TestPool.Start();
        ClientHarness harness = new ClientHarness(pool).Start(mine: false);
        StratumWork work = await TestMiner.WorkForAsync(harness.Client, null);
        StratumShare share = TestMiner.FindShare(work, 1);

        await harness.DisposeAsync();
        ShareResult result = await harness.Client.SubmitAsync(share).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ShareVerdict.Dropped, result.Outcome);
        Assert.Equal(StratumClientState.Stopped, harness.Client.State);
        Assert.True(harness.Client.Work.Completion.IsCompleted);
        Assert.Empty(pool.Submissions);
    }

    [Fact]
    public async Task Ping_get_version_and_show_message_are_handled()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start(mine: false);
        string? shown = null;
        harness.Client.OperatorMessage += (_, text) => shown = text;
        await TestMiner.WorkForAsync(harness.Client, null);

        await pool.PingAsync();
        await pool.RequestVersionAsync();
        await pool.ShowMessageAsync("pool maintenance at 12:00 UTC");
        await pool.WaitUntilAsync(() => pool.ClientReplies.Count >= 2 && shown is not null, "answers to ping and get_version, and the message");

        Assert.Equal("{\"id\":1001,\"result\":\"pong\",\"error\":null}", pool.ClientReplies[0]);
        Assert.Equal("{\"id\":1002,\"result\":\"iotminer/0.1.0\",\"error\":null}", pool.ClientReplies[1]);
        Assert.Equal("pool maintenance at 12:00 UTC", shown);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Malformed_and_oversized_lines_are_logged_and_survived()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool, o => o.MaxLineLength = 4096).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 1, "a first accepted share");

        await pool.SendRawAsync("this is not json");
        await pool.SendRawAsync("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"x\"]}");
        await pool.SendRawAsync("{\"id\":9999,\"result\":true,\"error\":null}");
        await pool.SendRawAsync(new string('[', 5000));
        await pool.SendRawAsync("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"" + new string('a', 300_000) + "\"]}");
        await pool.SendRawAsync("\u0000\u0001\u00ff{{{");
        string job = await pool.SendJobAsync(clean: true);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 2, "shares on the job sent after the garbage");

        Assert.Equal(1, pool.ConnectionsAccepted);
        Assert.Contains(harness.Warnings, w => w.Contains("malformed line", StringComparison.Ordinal));
        Assert.Contains(harness.Warnings, w => w.Contains("longer than 4096 bytes", StringComparison.Ordinal));
        Assert.Contains(harness.Warnings, w => w.Contains("mining.notify needs 9 params", StringComparison.Ordinal));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task A_pool_that_sends_no_job_is_left_after_the_no_job_timeout()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { SendJobs = false });
        await using ClientHarness harness = new ClientHarness(pool, o => o.NoJobTimeout = TimeSpan.FromMilliseconds(400)).Start(mine: false);

        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2, "a reconnect after the silent period");

        Assert.Contains("sent no job", harness.Client.LastFailure);
        harness.AssertNoProtocolErrors();
    }
}
