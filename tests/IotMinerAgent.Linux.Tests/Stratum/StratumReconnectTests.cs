using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>Drops, client.reconnect and failover: no share lost, stale only when its job was voided.</summary>
public class StratumReconnectTests
{
    [Fact]
    public async Task Shares_found_while_the_pool_is_down_are_submitted_after_the_reconnect()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool, o => o.FailoverAfterFailures = 1000).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");

        await pool.StopAsync();
        // The client notices the closed connection on its own read loop, a moment after the pool stopped.
        await pool.WaitUntilAsync(() => harness.Client.State != StratumClientState.Mining, "the client seeing the pool gone");
        int before = harness.Miner!.Count;
        await pool.WaitUntilAsync(() => harness.Miner.Count >= before + 3, "3 shares found while the pool is down");
        pool.Restart();
        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2 && harness.Miner.Count >= before + 5, "the reconnect and more shares found");
        await harness.Miner.StopAsync();

        await AssertNoneLostAsync(pool, harness);
        Assert.Single(pool.Accepted.Select(s => s.Extranonce1).Distinct()); // the session was resumed
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task A_dropped_connection_is_resumed_and_mining_goes_on()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");

        await pool.DropAsync();
        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2 && pool.Accepted.Count >= 6, "a reconnect and more accepted shares");
        await harness.Miner!.StopAsync();

        await AssertNoneLostAsync(pool, harness);
        Assert.Contains(pool.ClientLines, l => l.Contains("\"mining.subscribe\",\"params\":[\"iotminer/0.1.0\",\"s", StringComparison.Ordinal));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Shares_whose_job_was_cleared_during_the_reconnect_are_stale_and_not_sent()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool, o => o.FailoverAfterFailures = 1000).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");
        string oldJob = pool.CurrentJobId!;

        await pool.StopAsync();
        int submittedBefore = pool.Submissions.Count;
        int foundBefore = harness.Miner!.Count;
        await pool.WaitUntilAsync(() => harness.Miner.Count >= foundBefore + 3, "3 shares found while the pool is down");
        string newJob = await pool.SendJobAsync(clean: true);
        pool.Restart();
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == newJob) >= 2, "shares on the new job");
        await harness.Miner.StopAsync();

        TestMiner.Found[] whileDown = harness.Miner.Shares.Skip(foundBefore).Where(f => f.Share.Job.JobId == oldJob).ToArray();
        Assert.True(whileDown.Length >= 3);
        foreach (TestMiner.Found found in whileDown)
        {
            Assert.Equal(ShareVerdict.Stale, (await found.Result).Outcome);
        }

        Assert.DoesNotContain(pool.Submissions.Skip(submittedBefore), s => s.JobId == oldJob);
        Assert.True(harness.Client.Counters.Stale >= whileDown.Length);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Client_reconnect_with_a_wait_resumes_and_sends_the_shares_found_meanwhile()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 accepted shares");

        await pool.RequestReconnectAsync(string.Empty, 0, 1);
        await pool.WaitUntilAsync(() => pool.OpenConnections == 0, "the client leaving");
        int before = harness.Miner!.Count;
        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2 && harness.Miner.Count >= before + 2, "the reconnect and more shares found");
        await harness.Miner.StopAsync();

        await AssertNoneLostAsync(pool, harness);
        Assert.Equal(0, harness.Client.Counters.Stale);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Client_reconnect_to_another_port_moves_the_client_there()
    {
        await using TestPool first = TestPool.Start();
        await using TestPool second = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(first).Start();
        await first.WaitUntilAsync(() => first.Accepted.Count >= 1, "a share on the first port");

        await first.RequestReconnectAsync("127.0.0.1", second.Port, 0);
        await second.WaitUntilAsync(() => second.Accepted.Count >= 2, "shares on the second port");

        Assert.Equal(0, first.OpenConnections);
        Assert.Equal(1, first.ConnectionsAccepted);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Client_reconnect_to_another_host_is_refused_by_default()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 1, "a first share");

        await pool.RequestReconnectAsync("attacker.example", 4444, 0);
        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2 && pool.OpenConnections == 1, "the client back on the same pool");
        int accepted = pool.Accepted.Count;
        await pool.WaitUntilAsync(() => pool.Accepted.Count > accepted, "mining on after the refused redirect");

        Assert.Contains(harness.Warnings, w => w.Contains("attacker.example", StringComparison.Ordinal));
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Fails_over_to_the_second_pool_and_returns_to_the_primary_when_it_is_back()
    {
        await using TestPool primary = TestPool.Start();
        await using TestPool backup = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(new[] { primary, backup }, o => o.FailoverAfterFailures = 2).Start();
        await primary.WaitUntilAsync(() => primary.Accepted.Count >= 2, "shares on the primary");

        await primary.StopAsync();
        await backup.WaitUntilAsync(() => backup.Accepted.Count >= 2, "shares on the backup");
        Assert.Equal(1, harness.Client.CurrentPoolIndex);
        int primaryAccepted = primary.Accepted.Count;
        primary.Restart();
        await primary.WaitUntilAsync(() => primary.Accepted.Count >= primaryAccepted + 2, "shares on the primary again");
        await backup.WaitUntilAsync(() => backup.OpenConnections == 0, "the backup left");

        Assert.Equal(0, harness.Client.CurrentPoolIndex);
        await harness.Miner!.StopAsync();
        ShareResult[] results = await harness.Miner.ResultsAsync();
        Assert.DoesNotContain(results, r => r.Outcome is ShareVerdict.Rejected or ShareVerdict.Dropped);
        harness.AssertNoProtocolErrors();
    }

    // Every share the miner found was accepted by the pool exactly once; a resubmission after a drop may only be a
    // duplicate of a share the pool already accepted. The miner is stopped first and every verdict awaited: waiting for
    // "accepted = found" while it still mines raced the next share on a loaded machine.
    private static async Task AssertNoneLostAsync(TestPool pool, ClientHarness harness)
    {
        ShareResult[] results = await harness.Miner!.ResultsAsync();
        HashSet<string> accepted = pool.Accepted.Select(s => s.Key).ToHashSet();
        Assert.Equal(pool.Accepted.Count, accepted.Count);
        foreach ((TestMiner.Found found, ShareResult result) in harness.Miner.Shares.Zip(results))
        {
            Assert.True(accepted.Contains(found.Key), $"{found.Key} (found while {found.StateWhenFound}) was never accepted by the pool; the client's verdict: {result}");
            Assert.True(result.Outcome == ShareVerdict.Accepted || result.Reason == "22 Duplicate share", $"{found.Key}: {result}");
        }
    }
}
