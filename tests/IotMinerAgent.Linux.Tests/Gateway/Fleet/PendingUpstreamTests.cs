using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>
/// Valid shares while upstream is unreachable or slow (issue 15): held as pending_upstream, the device told
/// accepted-pending, the final verdict later, and nothing called accepted that upstream never saw.
/// </summary>
public sealed class PendingUpstreamTests
{
    [Fact]
    public async Task A_silent_upstream_gets_the_share_pending_and_its_answer_becomes_the_final_verdict()
    {
        var options = new FleetOptions { Instance = 7, MinDifficulty = 1e-8, MinNonceCount = 1 << 16, UpstreamTimeoutSeconds = 0.2 };
        await using var gateway = new DispatcherHarness(options);
        await gateway.TemplateAsync(31, shareDifficulty: 1e-8);
        gateway.Upstream.Answer = null;
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        DeviceVerdict pending = await gateway.JudgeAsync("esp-a", job.JobId, nonce);

        Assert.Equal(DeviceVerdictCode.AcceptedPending, pending.Code);
        Assert.Equal("no answer from upstream in 0.2 s; final verdict follows", pending.Reason);
        Assert.Equal(DeviceVerdictCode.AcceptedPending, Assert.Single(gateway.Ledger.Records).Verdict);
        Assert.Equal(new DeviceTotals("esp-a", 0, 0, 0, 0, gateway.Clock.GetUtcNow()), await gateway.Ledger.GetTotalsAsync("esp-a", default));
        Assert.Equal(1, gateway.Dispatcher.PendingUpstream);

        // The device reconnected and sends it again: still pending, not a duplicate, and not submitted twice.
        Assert.Equal(DeviceVerdictCode.AcceptedPending, (await gateway.JudgeAsync("esp-a", job.JobId, nonce)).Code);
        Assert.Single(gateway.Upstream.Submissions);

        gateway.Upstream.Release(new UpstreamResult(ShareVerdict.Accepted, string.Empty));
        DeviceVerdictFor final = await ReadLateAsync(gateway);

        Assert.Equal("esp-a", final.DeviceId);
        Assert.Equal((job.JobId, nonce, DeviceVerdictCode.Accepted), (final.Verdict.JobId, final.Verdict.Nonce, final.Verdict.Code));
        LedgerShare resolved = gateway.Ledger.Records[^1];
        Assert.True(resolved.ResolvesPending);
        Assert.Equal(DeviceVerdictCode.Accepted, resolved.Verdict);
        Assert.Equal(1, (await gateway.Ledger.GetTotalsAsync("esp-a", default))!.Shares);
        Assert.Equal(0, gateway.Dispatcher.PendingUpstream);
        Assert.Equal(DeviceVerdictCode.RejectedDuplicate, (await gateway.JudgeAsync("esp-a", job.JobId, nonce)).Code);
    }

    [Fact]
    public async Task A_share_upstream_could_not_take_goes_again_with_upstreams_next_work_while_its_job_is_current()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(32, shareDifficulty: 1e-8);
        gateway.Upstream.Answer = new UpstreamResult(ShareVerdict.Unreachable, "node down");
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];

        Assert.Equal(DeviceVerdictCode.AcceptedPending, (await gateway.JudgeAsync("esp-a", job.JobId, nonce)).Code);
        Assert.False(gateway.Dispatcher.LateVerdicts.TryRead(out _));

        // Upstream is back with more work on the same block: the held share is submitted again and accepted.
        gateway.Upstream.Answer = new UpstreamResult(ShareVerdict.Accepted, string.Empty);
        await gateway.TemplateAsync(33, shareDifficulty: 1e-8, replacesAll: false);
        DeviceVerdictFor final = await ReadLateAsync(gateway);

        Assert.Equal(2, gateway.Upstream.Submissions.Count);
        Assert.Equal(nonce, gateway.Upstream.Submissions[1].Nonce);
        Assert.True(final.Verdict.IsAccepted, final.Verdict.Reason);
    }

    [Fact]
    public async Task A_held_share_whose_job_upstream_replaced_meanwhile_is_stale_and_never_submitted_again()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(34, shareDifficulty: 1e-8);
        gateway.Upstream.Answer = new UpstreamResult(ShareVerdict.Unreachable, "node down");
        DeviceJob job = gateway.Request("esp-a");
        uint nonce = SimulatedDevice.FindShares(job, 1)[0];
        Assert.Equal(DeviceVerdictCode.AcceptedPending, (await gateway.JudgeAsync("esp-a", job.JobId, nonce)).Code);

        gateway.Upstream.Answer = new UpstreamResult(ShareVerdict.Accepted, string.Empty);
        await gateway.TemplateAsync(35, shareDifficulty: 1e-8, replacesAll: true);
        DeviceVerdictFor final = await ReadLateAsync(gateway);

        Assert.Equal(DeviceVerdictCode.RejectedStale, final.Verdict.Code);
        Assert.Equal("upstream replaced the job while it was unreachable", final.Verdict.Reason);
        Assert.Single(gateway.Upstream.Submissions);
        Assert.Equal(DeviceVerdictCode.RejectedStale, gateway.Ledger.Records[^1].Verdict);
        Assert.Equal(0, (await gateway.Ledger.GetTotalsAsync("esp-a", default))!.Shares);
    }

    static async Task<DeviceVerdictFor> ReadLateAsync(DispatcherHarness gateway)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await gateway.Dispatcher.LateVerdicts.ReadAsync(timeout.Token);
    }
}
