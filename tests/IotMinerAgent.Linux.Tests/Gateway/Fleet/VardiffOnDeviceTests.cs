using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>
/// The dispatcher's vardiff with a simulated device that really hashes its jobs but lives on the manual clock:
/// each nonce costs 1/rate seconds, so the share interval the gateway sees is what a device of that rate would give.
/// </summary>
public class VardiffOnDeviceTests
{
    [Fact]
    public async Task A_device_that_reports_no_rate_converges_toward_one_share_per_interval()
    {
        const double Rate = 40; // hashes per simulated second: 400 hashes per 10 s share, difficulty ≈ 9.3e-8
        var options = new FleetOptions { MinDifficulty = 1e-9, ShareIntervalSeconds = 10, MinNonceCount = 4096, MaxSharesPerSecond = 100, ShareBurst = 100 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(40, shareDifficulty: 1);
        DateTimeOffset start = gateway.Clock.GetUtcNow();
        var accepted = new List<DateTimeOffset>();
        DeviceJob job = gateway.Request("sim");

        while (gateway.Clock.GetUtcNow() - start < TimeSpan.FromSeconds(1500))
        {
            job = await MineUntilNewJobAsync(gateway, job, Rate, accepted);
        }

        double ideal = Rate * options.ShareIntervalSeconds / DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);
        Assert.InRange(DifficultyScale.OfTarget(job.Target, Algorithms.Sha256d), ideal / 2.5, ideal * 2.5);
        double[] late = accepted.Where(t => t - start > TimeSpan.FromSeconds(500)).Select(t => (t - start).TotalSeconds).ToArray();
        double meanInterval = (late[^1] - late[0]) / (late.Length - 1);
        Assert.InRange(meanInterval, 5, 20);
    }

    [Fact]
    public async Task A_device_over_its_queue_is_recorded_rate_limited_and_given_a_harder_job_once_per_interval()
    {
        var options = new FleetOptions { MinDifficulty = 1e-8, MaxDifficulty = 1, ShareIntervalSeconds = 10, MinNonceCount = 4096 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(41, shareDifficulty: 1);
        DeviceJob job = gateway.Request("eager");
        double before = DifficultyScale.OfTarget(job.Target, Algorithms.Sha256d);

        DeviceVerdict first = await gateway.Dispatcher.RefuseOverflowAsync("eager", new DeviceShare(job.JobId, 1), 16, CancellationToken.None);
        DeviceVerdict second = await gateway.Dispatcher.RefuseOverflowAsync("eager", new DeviceShare(job.JobId, 2), 16, CancellationToken.None);

        Assert.Equal(DeviceVerdictCode.RejectedRateLimited, first.Code);
        Assert.Contains("difficulty raised", first.Reason);
        Assert.DoesNotContain("difficulty raised", second.Reason);
        // Both are in the book as rejects of their device, each under its own job and nonce.
        Assert.Equal(new[] { (job.JobId, 1u), (job.JobId, 2u) }, gateway.Ledger.Records.Select(r => (r.JobId, r.Nonce)));
        Assert.All(gateway.Ledger.Records, r => Assert.Equal((DeviceVerdictCode.RejectedRateLimited, "eager"), (r.Verdict, r.DeviceId)));
        // One harder job (twice the difficulty, within the target's rounding) went out, not one per refusal.
        DeviceAssignment harder = Assert.Single(gateway.DrainAssignments());
        Assert.InRange(DifficultyScale.OfTarget(harder.Job.Target, Algorithms.Sha256d), before * 1.99, before * 2.01);
    }

    [Fact]
    public async Task While_the_gateway_is_overloaded_a_device_gets_its_harder_job_when_its_share_arrives()
    {
        var options = new FleetOptions { MinDifficulty = 1e-8, MaxDifficulty = 1, ShareIntervalSeconds = 10, MinNonceCount = 4096, OverloadLagSeconds = 1 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(42, shareDifficulty: 1);
        DeviceJob job = gateway.Request("busy");
        double before = DifficultyScale.OfTarget(job.Target, Algorithms.Sha256d);

        // Before any overload an arriving share changes nothing.
        gateway.Dispatcher.ShareArrived("busy");
        Assert.Empty(gateway.DrainAssignments());

        // One second of verdicts 3 s late: the pace is cut (one device known, no capacity measured beyond 1 share/s:
        // the pace it aims at is above 1, so the mildest cut, to 0.8).
        gateway.Dispatcher.Pace.Observe(TimeSpan.FromSeconds(3));
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0.8, gateway.Dispatcher.Pace.Current, 12);

        // The share arrives: the harder job goes out now, before any worker judged it; a second arrival sends none.
        gateway.Dispatcher.ShareArrived("busy");
        gateway.Dispatcher.ShareArrived("busy");
        DeviceAssignment harder = Assert.Single(gateway.DrainAssignments());
        Assert.Equal("busy", harder.DeviceId);
        Assert.InRange(DifficultyScale.OfTarget(harder.Job.Target, Algorithms.Sha256d), before * 1.24, before * 1.26);
        Assert.Empty(gateway.Ledger.Records);
    }

    // Hashes the job's range on simulated time, sending each hit; returns the next job (pushed by a retarget, or asked for).
    private static async Task<DeviceJob> MineUntilNewJobAsync(DispatcherHarness gateway, DeviceJob job, double rate, List<DateTimeOffset> accepted)
    {
        for (ulong i = 0; i < job.NonceCount; i++)
        {
            gateway.Clock.Advance(TimeSpan.FromSeconds(1 / rate));
            uint nonce = (uint)(job.FirstNonce + i);
            if (!job.Meets(nonce))
            {
                continue;
            }

            DeviceVerdict verdict = await gateway.JudgeAsync("sim", job.JobId, nonce);
            Assert.Equal(DeviceVerdictCode.Accepted, verdict.Code);
            accepted.Add(gateway.Clock.GetUtcNow());
            if (gateway.Dispatcher.Assignments.TryRead(out DeviceAssignment? pushed))
            {
                return pushed.Job;
            }
        }

        return gateway.Request("sim");
    }
}
