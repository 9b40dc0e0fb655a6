using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>How the dispatcher cuts templates into device jobs and when it sends them.</summary>
public class JobIssuingTests
{
    [Fact]
    public async Task A_job_carries_the_instance_the_templates_header_and_a_target_from_the_reported_hash_rate()
    {
        await using var gateway = new DispatcherHarness();
        TestTemplate template = await gateway.TemplateAsync(1, shareDifficulty: 1);

        DeviceJob job = gateway.Request("esp-a", hashRate: 100_000);

        Assert.Equal(7u, job.JobId >> 24);
        Assert.Equal(Algorithms.Sha256d, job.Algorithm);
        Assert.Equal((uint)gateway.Options.JobLifetimeSeconds, job.LifetimeSeconds);
        Assert.Equal((uint)gateway.Clock.GetUtcNow().ToUnixTimeSeconds(), job.IssuedAt);

        // 100 kH/s and one share per 10 s: 10^6 hashes per share, difficulty 10^6 / 2^32.
        double difficulty = DifficultyScale.OfTarget(job.Target, Algorithms.Sha256d);
        Assert.InRange(difficulty, 1e6 / 4295032833.0 * 0.999, 1e6 / 4295032833.0 * 1.001);

        // Two lifetimes of hashing: 100 kH/s · 240 s.
        Assert.Equal(24_000_000UL, job.NonceCount);
        byte[] header = template.BuildHeader(0);
        Assert.Equal(Sha256.Midstate(header, 0), job.GetMidstate());
        Assert.Equal(header[64..76], job.GetTail());
    }

    [Fact]
    public async Task A_device_target_is_never_harder_than_upstreams()
    {
        await using var gateway = new DispatcherHarness();
        TestTemplate template = await gateway.TemplateAsync(2, shareDifficulty: 1e-4);

        DeviceJob big = gateway.Request("big", hashRate: 1e12);

        Assert.Equal(template.ShareTarget, big.Target);
    }

    [Fact]
    public async Task A_device_that_reports_no_hash_rate_gets_the_smallest_range_at_the_easiest_difficulty()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(3, shareDifficulty: 1);

        DeviceJob job = gateway.Request("new");

        Assert.Equal((ulong)gateway.Options.MinNonceCount, job.NonceCount);
        Assert.Equal(DifficultyScale.ToTarget(gateway.Options.MinDifficulty, Algorithms.Sha256d), job.Target);
    }

    [Fact]
    public async Task A_request_before_upstream_has_work_is_answered_when_the_first_template_arrives()
    {
        await using var gateway = new DispatcherHarness();
        gateway.Dispatcher.RequestWork("early", new WorkRequest([Algorithms.Sha256d], 1000));
        Assert.Empty(gateway.DrainAssignments());

        await gateway.TemplateAsync(4);

        Assert.Equal("early", Assert.Single(gateway.DrainAssignments()).DeviceId);
    }

    [Fact]
    public async Task A_request_for_an_algorithm_upstream_does_not_mine_waits_and_is_logged()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(5);

        gateway.Dispatcher.RequestWork("scrypt-only", new WorkRequest([Algorithms.Scrypt], 100));
        await gateway.TemplateAsync(6);

        Assert.Empty(gateway.DrainAssignments());
        Assert.Contains(gateway.Logger.Entries, e => e.Message.Contains("upstream mines sha256d, the device offers scrypt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_that_replaces_all_sends_a_fresh_job_to_every_device_with_a_live_job_only()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(7);
        DeviceJob quiet = gateway.Request("quiet");
        gateway.Clock.Advance(TimeSpan.FromSeconds(100));
        DeviceJob a = gateway.Request("a");
        DeviceJob b = gateway.Request("b");
        gateway.Clock.Advance(TimeSpan.FromSeconds(60));

        await gateway.TemplateAsync(8, replacesAll: true);
        List<DeviceAssignment> fresh = gateway.DrainAssignments();

        Assert.Equal(["a", "b"], fresh.Select(f => f.DeviceId).Order());
        Assert.DoesNotContain(fresh, f => f.Job.JobId == a.JobId || f.Job.JobId == b.JobId || f.Job.JobId == quiet.JobId);
        Assert.All(fresh, f => Assert.NotEqual(a.GetMidstate(), f.Job.GetMidstate()));
    }

    [Fact]
    public async Task A_device_keeps_at_most_max_jobs_per_device_and_its_oldest_becomes_unknown()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(9);
        List<DeviceJob> jobs = Enumerable.Range(0, gateway.Options.MaxJobsPerDevice + 1).Select(_ => gateway.Request("esp")).ToList();

        DeviceVerdict oldest = await gateway.JudgeAsync("esp", jobs[0].JobId, SimulatedDevice.FindShares(jobs[0], 1)[0]);
        DeviceVerdict newest = await gateway.JudgeAsync("esp", jobs[^1].JobId, SimulatedDevice.FindShares(jobs[^1], 1)[0]);

        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, oldest.Code);
        Assert.Equal(DeviceVerdictCode.Accepted, newest.Code);
    }

    [Fact]
    public async Task A_device_flooding_easy_shares_gets_a_harder_job_at_once()
    {
        var options = new FleetOptions { MinDifficulty = 1e-8, MinNonceCount = 1 << 16, MaxSharesPerSecond = 1000, ShareBurst = 1000 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(10, shareDifficulty: 1);
        DeviceJob job = gateway.Request("fast");

        foreach (uint nonce in SimulatedDevice.FindShares(job, DeviceVardiff.RetargetShares))
        {
            gateway.Clock.Advance(TimeSpan.FromSeconds(0.1));
            await gateway.JudgeAsync("fast", job.JobId, nonce);
        }

        DeviceJob harder = gateway.TakeJob("fast");
        Assert.Equal(4 * options.MinDifficulty, DifficultyScale.OfTarget(harder.Target, Algorithms.Sha256d), 1e-12);
    }

    [Fact]
    public async Task No_two_jobs_ever_cover_the_same_unit_and_nonce()
    {
        // Any mix of devices, hash rates and templates: every issued (template, unit, nonce) range is disjoint from every other.
        Gen<(int Device, double HashRate, bool NewTemplate)> step = Gen.Select(Gen.Int[0, 5], Gen.Double[0, 5e7], Gen.Int[0, 9].Select(i => i == 0), (d, h, t) => (d, h, t));
        await step.Array[1, 60].SampleAsync(async steps =>
        {
            var options = new FleetOptions { MinDifficulty = 1e-8, MinNonceCount = 1000, MaxJobsPerDevice = 64 };
            await using var gateway = new DispatcherHarness(options);
            TestTemplate template = await gateway.TemplateAsync(0, replacesAll: false);
            var issued = new List<(TestTemplate Template, byte[] Midstate, byte[] Tail, ulong First, ulong End)>();
            int seed = 1;
            foreach ((int device, double hashRate, bool newTemplate) in steps)
            {
                if (newTemplate)
                {
                    template = await gateway.TemplateAsync(seed++, replacesAll: false);
                }

                gateway.Dispatcher.RequestWork($"d{device}", new WorkRequest([Algorithms.Sha256d], hashRate));
                foreach (DeviceAssignment assignment in gateway.DrainAssignments())
                {
                    DeviceJob job = assignment.Job;
                    issued.Add((template, Sha256.StateToDigest(job.GetMidstate()), job.GetTail(), job.FirstNonce, job.FirstNonce + job.NonceCount));
                }
            }

            foreach (var group in issued.GroupBy(j => Convert.ToHexString(j.Midstate) + Convert.ToHexString(j.Tail)))
            {
                var ranges = group.OrderBy(j => j.First).ToList();
                for (int i = 1; i < ranges.Count; i++)
                {
                    Assert.True(ranges[i - 1].End <= ranges[i].First, $"ranges [{ranges[i - 1].First}, {ranges[i - 1].End}) and [{ranges[i].First}, {ranges[i].End}) of one header overlap");
                }
            }
        }, iter: 60);
    }
}
