using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>Every verdict the dispatcher gives, with real hashing of real headers (docs/mqtt.md, verdict codes).</summary>
public class ShareJudgingTests
{
    [Fact]
    public async Task A_share_meeting_the_device_target_only_is_accepted_and_recorded_but_not_sent_upstream()
    {
        await using var gateway = new DispatcherHarness();
        TestTemplate template = await gateway.TemplateAsync(1, shareDifficulty: 1e-3);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.Accepted, verdict.Code);
        Assert.Equal((job.JobId, nonce), (verdict.JobId, verdict.Nonce));
        Assert.Empty(gateway.Upstream.Submissions);
        LedgerShare record = Assert.Single(gateway.Ledger.Records);
        Assert.Equal(new LedgerShare("esp-a", job.JobId, nonce, DeviceVerdictCode.Accepted, DifficultyScale.OfTarget(job.Target, Algorithms.Sha256d), gateway.Clock.GetUtcNow()), record);
        Assert.False(template.ShareTarget.IsMetBy(Sha256d.HashHeader(Rebuild(template, gateway, job, nonce))));
    }

    [Fact]
    public async Task A_share_meeting_upstreams_target_is_sent_once_with_its_unit_nonce_and_header()
    {
        await using var gateway = new DispatcherHarness();
        TestTemplate template = await gateway.TemplateAsync(2, shareDifficulty: 1e-7);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 200).First(n => template.ShareTarget.IsMetBy(job.HashSha256d(n)));

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.Accepted, verdict.Code);
        UpstreamSubmission sent = Assert.Single(gateway.Upstream.Submissions);
        Assert.Same(template, sent.Template);
        Assert.Equal(nonce, sent.Nonce);
        Assert.Equal(job.HashSha256d(nonce), Sha256d.HashHeader(sent.Header));
        Assert.Equal(Rebuild(template, gateway, job, nonce), sent.Header);
        Assert.Single(gateway.Ledger.Records, r => r.Verdict == DeviceVerdictCode.Accepted);
    }

    [Fact]
    public async Task A_forged_nonce_is_rejected_as_low_difficulty_by_the_gateways_own_hash()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(3);
        DeviceJob job = gateway.Request("esp-a");
        uint forged = SimulatedDevice.FindMiss(job);

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, forged);

        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, verdict.Code);
        Assert.Empty(gateway.Upstream.Submissions);
        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, Assert.Single(gateway.Ledger.Records).Verdict);
    }

    [Fact]
    public async Task Random_nonces_from_a_device_that_does_not_hash_are_almost_all_rejected()
    {
        var options = new FleetOptions { MinDifficulty = 1e-5, MinNonceCount = 1L << 32, MaxSharesPerSecond = 1000, ShareBurst = 1000 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(4);
        DeviceJob job = gateway.Request("liar");
        var random = new Random(5);

        DeviceVerdict[] verdicts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => gateway.JudgeAsync("liar", job.JobId, (uint)random.NextInt64(0, 1L << 32))));

        // At difficulty 1e-5 a random nonce meets the target with probability 1 / 42950.
        Assert.True(verdicts.Count(v => v.Code == DeviceVerdictCode.RejectedLowDifficulty) >= 199);
    }

    [Fact]
    public async Task The_same_job_and_nonce_twice_is_a_duplicate_and_counted_once()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(5);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        DeviceVerdict first = await gateway.JudgeAsync("esp-a", job.JobId, nonce);
        DeviceVerdict second = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.Accepted, first.Code);
        Assert.Equal(DeviceVerdictCode.RejectedDuplicate, second.Code);
        Assert.Equal([DeviceVerdictCode.Accepted, DeviceVerdictCode.RejectedDuplicate], gateway.Ledger.Records.Select(r => r.Verdict));
    }

    [Fact]
    public async Task A_share_on_a_job_of_a_replaced_template_is_stale()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(6);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];
        await gateway.TemplateAsync(7, replacesAll: true);

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.RejectedStale, verdict.Code);
    }

    [Fact]
    public async Task A_template_that_does_not_replace_all_leaves_earlier_jobs_valid()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(8);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];
        await gateway.TemplateAsync(9, replacesAll: false);

        Assert.Equal(DeviceVerdictCode.Accepted, (await gateway.JudgeAsync("esp-a", job.JobId, nonce)).Code);
        Assert.Empty(gateway.DrainAssignments());
    }

    [Fact]
    public async Task A_share_after_the_jobs_lifetime_and_grace_is_stale_and_just_before_is_not()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(10);
        DeviceJob job = gateway.Request("esp-a");
        List<uint> nonces = SimulatedDevice.FindShares(job, 2);

        gateway.Clock.Advance(TimeSpan.FromSeconds(job.LifetimeSeconds + gateway.Options.JobGraceSeconds));
        DeviceVerdict inTime = await gateway.JudgeAsync("esp-a", job.JobId, nonces[0]);
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        DeviceVerdict late = await gateway.JudgeAsync("esp-a", job.JobId, nonces[1]);

        Assert.Equal(DeviceVerdictCode.Accepted, inTime.Code);
        Assert.Equal(DeviceVerdictCode.RejectedStale, late.Code);
    }

    [Fact]
    public async Task An_unknown_job_id_is_rejected_as_unknown()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(11);
        DeviceJob job = gateway.Request("esp-a");

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId + 1, 5);
        DeviceVerdict stranger = await gateway.JudgeAsync("never-asked", job.JobId, 5);

        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, verdict.Code);
        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, stranger.Code);
        Assert.Equal(2, gateway.Ledger.Records.Count(r => r.Verdict == DeviceVerdictCode.RejectedUnknownJob));
    }

    [Fact]
    public async Task A_share_judged_before_the_gateway_restarted_gets_its_recorded_verdict_again_not_a_second_one()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(12);
        gateway.Request("esp-a");
        // The previous run of this gateway recorded the share accepted and died before the verdict went out; the broker
        // delivers the share again to the restarted gateway, which no longer knows the job.
        const uint JobOfPreviousRun = 0x07_AB_CD_EF; // instance 7, the harness gateway's
        await gateway.Ledger.RecordAsync(new LedgerShare("esp-a", JobOfPreviousRun, 77, DeviceVerdictCode.Accepted, 1e-6, gateway.Clock.GetUtcNow()), default);

        DeviceVerdict again = await gateway.JudgeAsync("esp-a", JobOfPreviousRun, 77);
        DeviceVerdict neverJudged = await gateway.JudgeAsync("esp-a", JobOfPreviousRun, 78);

        Assert.Equal(DeviceVerdictCode.Accepted, again.Code);
        Assert.Equal((JobOfPreviousRun, 77u), (again.JobId, again.Nonce));
        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, neverJudged.Code);
        // One record per share: the accepted one is not recorded (nor counted) a second time.
        Assert.Equal([(77u, DeviceVerdictCode.Accepted), (78u, DeviceVerdictCode.RejectedUnknownJob)], gateway.Ledger.Records.Select(r => (r.Nonce, r.Verdict)));
    }

    [Fact]
    public async Task Another_devices_job_id_is_unknown_to_this_device_even_with_a_valid_nonce()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(12);
        DeviceJob theirs = gateway.Request("esp-a");
        gateway.Request("esp-b");
        uint nonce = SimulatedDevice.FindShares(theirs, 1)[0];

        DeviceVerdict stolen = await gateway.JudgeAsync("esp-b", theirs.JobId, nonce);
        DeviceVerdict own = await gateway.JudgeAsync("esp-a", theirs.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, stolen.Code);
        Assert.Equal(DeviceVerdictCode.Accepted, own.Code);
    }

    [Fact]
    public async Task A_nonce_outside_the_jobs_range_is_low_difficulty_even_when_its_hash_meets_the_target()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(13);
        DeviceJob job = gateway.Request("esp-a");
        DeviceJob outside = DeviceJob.ForSha256d(0, job.GetMidstate(), job.GetTail(), job.Target, (uint)(job.FirstNonce + job.NonceCount), 10_000, 0, 1);
        uint nonce = SimulatedDevice.FindShares(outside, 1)[0];

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, verdict.Code);
        Assert.Equal("nonce outside the job's range", verdict.Reason);
    }

    [Fact]
    public async Task A_flooding_device_is_rate_limited_while_another_devices_valid_shares_are_all_judged()
    {
        var options = new FleetOptions { MinDifficulty = 1e-8, MinNonceCount = 1 << 16, MaxSharesPerSecond = 5, ShareBurst = 10 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(14, shareDifficulty: 1);
        DeviceJob flooderJob = gateway.Request("flooder");
        DeviceJob honestJob = gateway.Request("honest");
        List<uint> honestShares = SimulatedDevice.FindShares(honestJob, 8);
        var random = new Random(14);

        var flood = Enumerable.Range(0, 500).Select(_ => gateway.JudgeAsync("flooder", flooderJob.JobId, (uint)random.Next())).ToList();
        var honest = honestShares.Select(n => gateway.JudgeAsync("honest", honestJob.JobId, n)).ToList();
        DeviceVerdict[] flooded = await Task.WhenAll(flood);
        DeviceVerdict[] judged = await Task.WhenAll(honest);

        Assert.Equal(500 - options.ShareBurst, flooded.Count(v => v.Code == DeviceVerdictCode.RejectedRateLimited));
        Assert.All(judged, v => Assert.Equal(DeviceVerdictCode.Accepted, v.Code));
        Assert.Equal(508, gateway.Ledger.Records.Count);

        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        DeviceVerdict afterPause = await gateway.JudgeAsync("flooder", flooderJob.JobId, SimulatedDevice.FindShares(flooderJob, 1)[0]);
        Assert.Equal(DeviceVerdictCode.Accepted, afterPause.Code);
    }

    [Fact]
    public async Task A_share_that_meets_the_network_target_is_a_block()
    {
        await using var gateway = new DispatcherHarness();
        TestTemplate template = await gateway.TemplateAsync(15, shareDifficulty: 1e-8, networkDifficulty: 1e-8);
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.BlockFound, verdict.Code);
        Assert.Single(gateway.Upstream.Submissions);
        Assert.Equal(DeviceVerdictCode.BlockFound, Assert.Single(gateway.Ledger.Records).Verdict);
        Assert.True(template.NetworkTarget.IsMetBy(job.HashSha256d(nonce)));
    }

    [Theory]
    [InlineData(ShareVerdict.BlockAccepted, DeviceVerdictCode.BlockFound)]
    [InlineData(ShareVerdict.Stale, DeviceVerdictCode.RejectedStale)]
    [InlineData(ShareVerdict.Rejected, DeviceVerdictCode.RejectedStale)]
    [InlineData(ShareVerdict.BelowTarget, DeviceVerdictCode.RejectedStale)]
    [InlineData(ShareVerdict.Unreachable, DeviceVerdictCode.AcceptedPending)]
    [InlineData(ShareVerdict.Dropped, DeviceVerdictCode.RejectedStale)]
    public async Task Upstreams_answer_decides_the_verdict_and_its_reason_is_cut_to_printable_ascii(ShareVerdict answer, DeviceVerdictCode expected)
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(16, shareDifficulty: 1e-8);
        gateway.Upstream.Answer = new UpstreamResult(answer, "pool says: \u00e9t\u00e9 \n" + new string('x', 100));
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        DeviceVerdict verdict = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(expected, verdict.Code);
        Assert.InRange(verdict.Reason.Length, 1, DeviceVerdict.MaxReasonLength);
        Assert.All(verdict.Reason, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(expected, Assert.Single(gateway.Ledger.Records).Verdict);
        if (answer is ShareVerdict.Stale or ShareVerdict.Rejected or ShareVerdict.BelowTarget)
        {
            // The one rule for outside text, ASCII form: visible escapes, not '?' (UntrustedText.EscapeToAscii).
            Assert.Contains("pool says: \\xe9t\\xe9 \\x0a", verdict.Reason);
            Assert.EndsWith("...", verdict.Reason);
        }

        if (answer is ShareVerdict.Unreachable)
        {
            Assert.Equal("upstream unreachable; final verdict follows", verdict.Reason);
        }

        if (answer is ShareVerdict.Dropped)
        {
            Assert.StartsWith("not sent upstream: pool says", verdict.Reason);
        }
    }

    [Fact]
    public async Task Every_verdict_is_in_the_ledger_when_the_judgement_returns()
    {
        var ledger = new GatedLedger();
        var options = new FleetOptions { MinDifficulty = 1e-8, MinNonceCount = 1 << 16 };
        var upstream = new FakeUpstream();
        var dispatcher = new FleetDispatcher(upstream, ledger, options, TimeProvider.System, new Stratum.CapturingLogger());
        using var stop = new System.Threading.CancellationTokenSource();
        Task run = dispatcher.RunAsync(stop.Token);
        await upstream.SendAsync(TestTemplate.Create(18, 1, true));
        dispatcher.RequestWork("esp-a", new WorkRequest([Algorithms.Sha256d], 0));
        Assert.True(dispatcher.Assignments.TryRead(out DeviceAssignment? assignment));

        Task<DeviceVerdict> judging = dispatcher.JudgeAsync("esp-a", new DeviceShare(assignment!.Job.JobId, 1), default);

        // The record has reached the ledger, whose commit only the test can finish: the verdict must still wait.
        LedgerShare recorded = await ledger.Recorded.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((assignment.Job.JobId, 1u), (recorded.JobId, recorded.Nonce));
        Assert.False(judging.IsCompleted, "the verdict was given before the ledger committed the share");
        bool committedWhenJudged = false;
        Task observed = judging.ContinueWith(_ => committedWhenJudged = ledger.Committed, TaskContinuationOptions.ExecuteSynchronously);

        ledger.Commit();
        DeviceVerdict verdict = await judging;
        await observed;

        Assert.True(committedWhenJudged, "the verdict was given before the ledger committed the share");
        Assert.Equal(recorded.Verdict, verdict.Code);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static byte[] Rebuild(TestTemplate template, DispatcherHarness gateway, DeviceJob job, uint nonce)
    {
        UpstreamSubmission? sent = gateway.Upstream.Submissions.FirstOrDefault(s => s.Nonce == nonce);
        ulong unit = sent?.WorkUnit ?? FindUnit(template, job);
        return ShareHasher.WithNonce(template.BuildHeader(unit), nonce);
    }

    private static ulong FindUnit(TestTemplate template, DeviceJob job)
    {
        for (ulong unit = 0; unit < template.WorkUnitCount; unit++)
        {
            byte[] header = template.BuildHeader(unit);
            if (Sha256.Midstate(header, 0).SequenceEqual(job.GetMidstate()))
            {
                return unit;
            }
        }

        throw new InvalidOperationException("no unit of the template has the job's midstate");
    }

    /// <summary>A ledger whose commits wait for the test, and which tells the test when a record arrives.</summary>
    private sealed class GatedLedger : IDeviceLedger
    {
        private readonly TaskCompletionSource _commit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<LedgerShare> _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The first share handed to <see cref="RecordAsync"/>.</summary>
        public Task<LedgerShare> Recorded => _recorded.Task;

        /// <summary>Whether <see cref="Commit"/> was called; set before the pending records complete.</summary>
        public bool Committed { get; private set; }

        public void Commit()
        {
            Committed = true;
            _commit.TrySetResult();
        }

        public Task RecordAsync(LedgerShare share, System.Threading.CancellationToken cancellationToken)
        {
            _recorded.TrySetResult(share);
            return _commit.Task;
        }

        public Task<DeviceTotals?> GetTotalsAsync(string deviceId, System.Threading.CancellationToken cancellationToken) => Task.FromResult<DeviceTotals?>(null);

        public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(System.Threading.CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeviceTotals>>([]);

        public Task<int> AbandonPendingAsync(byte instance, System.Threading.CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, System.Threading.CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, System.Threading.CancellationToken cancellationToken) => Task.FromResult<LedgerShare?>(null);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The same judging for scrypt (Litecoin), whose pool difficulty 1 is 2^16 times easier.</summary>
public class ScryptShareJudgingTests
{
    [Fact]
    public async Task A_scrypt_share_is_hashed_with_scrypt_and_a_forged_one_is_refused()
    {
        var options = new FleetOptions { MinDifficulty = 0.001, MinNonceCount = 4096 };
        await using var gateway = new DispatcherHarness(options, Algorithms.Scrypt);
        await gateway.Upstream.SendAsync(TestTemplate.Create(30, 1, replacesAll: true, algorithm: Algorithms.Scrypt));
        DeviceJob job = gateway.Request("ltc", 0, Algorithms.Scrypt);

        // Difficulty 0.001 for scrypt: about 65 hashes per share (2^32 / 0xFFFF · 0.001).
        Assert.Equal(Algorithms.Scrypt, job.Algorithm);
        Assert.Equal(DifficultyScale.ToTarget(0.001, Algorithms.Scrypt), job.Target);
        // Found by the device's scrypt: a gateway hashing it with sha256d at this difficulty would refuse it.
        uint found = SimulatedDevice.FindShares(job, 1)[0];
        uint forged = SimulatedDevice.FindMiss(job);

        Assert.Equal(DeviceVerdictCode.Accepted, (await gateway.JudgeAsync("ltc", job.JobId, found)).Code);
        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, (await gateway.JudgeAsync("ltc", job.JobId, forged)).Code);
    }
}
