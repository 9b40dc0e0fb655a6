using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// The whole gateway against real peers: simulated devices (real MQTT clients hashing with the portable core) →
/// mosquitto → gateway (FleetDispatcher, StratumUpstream, SQLite ledger) → the Stratum test pool, which recomputes
/// every share it gets.
/// </summary>
public sealed class GatewayEndToEndTests
{
    [Fact]
    public async Task Shares_from_several_devices_reach_the_pool_exactly_once_and_the_pool_accepts_their_work_units()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0);
        SimulatedDevice[] devices = await bed.DevicesAsync(4);

        const int perDevice = 5;
        await Task.WhenAll(devices.Select(d => MineAsync(d, perDevice)));

        Assert.All(devices, d => Assert.All(d.Verdicts, v => Assert.True(v.Verdict.IsAccepted, $"{v.Verdict.Code} {v.Verdict.Reason}")));
        await bed.Pool.WaitUntilAsync(() => bed.Pool.Submissions.Count >= devices.Length * perDevice, "every share at the pool");
        // The pool rebuilt each header from the extranonce2 and version bits the gateway sent and found it meets its
        // target: a wrong work unit would hash to something else and be refused.
        Assert.Empty(bed.Pool.ProtocolErrors);
        Assert.All(bed.Pool.Submissions, s => Assert.True(s.Accepted, $"pool refused {s.Key}: {s.ErrorMessage}"));
        Assert.Equal(devices.Length * perDevice, bed.Pool.Submissions.Count);
        Assert.Equal(bed.Pool.Submissions.Count, bed.Pool.Submissions.Select(s => s.Key).Distinct().Count());
        Assert.All(bed.Pool.Submissions, s => Assert.Equal("bc1qgatewaypayout.gw0", s.User));
        Assert.Equal((devices.Length * perDevice, 0L), await gateway.TotalsAsync());
    }

    [Fact]
    public async Task Forged_duplicate_unknown_stale_and_malformed_shares_get_their_verdicts_and_are_counted()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0);
        SimulatedDevice device = (await bed.DevicesAsync(1, "mixed"))[0];
        await device.RequestWorkAsync();
        DeviceJob job = await device.WaitForJobAsync();
        List<uint> good = SimulatedDevice.FindNonces(job, 2);
        uint forged = Fleet.SimulatedDevice.FindMiss(job);

        // The test pool's nBits is as easy as regtest's: a share that meets the pool is a block too.
        Assert.Equal(DeviceVerdictCode.BlockFound, await SendAsync(device, new DeviceShare(job.JobId, good[0])));
        Assert.Equal(DeviceVerdictCode.RejectedDuplicate, await SendAsync(device, new DeviceShare(job.JobId, good[0])));
        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, await SendAsync(device, new DeviceShare(job.JobId, forged)));
        Assert.Equal(DeviceVerdictCode.RejectedUnknownJob, await SendAsync(device, new DeviceShare(job.JobId ^ 0x00ffffff, good[1])));
        await device.PublishAsync("device_share", [1, 2, 0, 0, 1]);
        Assert.Equal(DeviceVerdictCode.RejectedMalformed, (await device.WaitForVerdictAsync(0, 0)).Code);

        // The pool moves to a new block: the job is stale at once, even with a valid nonce.
        int jobs = device.Jobs.Count;
        await bed.Pool.SendJobAsync(clean: true);
        await device.WaitForJobAsync(since: jobs);
        Assert.Equal(DeviceVerdictCode.RejectedStale, await SendAsync(device, new DeviceShare(job.JobId, good[1])));

        Assert.Equal((1L, 4L), await gateway.TotalsAsync());
        Assert.Equal(1, gateway.Instance.Counters.Verdicts(DeviceVerdictCode.RejectedMalformed));
        Assert.Single(bed.Pool.Submissions);
    }

    [Fact]
    public async Task A_flooding_device_is_refused_unchecked_while_the_others_are_served()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0, ("gateway:maxSharesPerSecond", "2"), ("gateway:shareBurst", "5"));
        SimulatedDevice flooder = (await bed.DevicesAsync(1, "flood"))[0];
        SimulatedDevice[] others = await bed.DevicesAsync(3, "calm");
        await flooder.RequestWorkAsync();
        DeviceJob floodJob = await flooder.WaitForJobAsync();

        const int flood = 300;
        Task flooding = Task.WhenAll(Enumerable.Range(0, flood).Select(i => flooder.SendShareAsync(new DeviceShare(floodJob.JobId, floodJob.FirstNonce + (uint)i))));
        await Task.WhenAll(others.Select(d => MineAsync(d, 2)));
        await flooding;
        await flooder.WaitForVerdictCountAsync(flood, seconds: 30);

        Assert.All(others, d => Assert.All(d.Verdicts, v => Assert.True(v.Verdict.IsAccepted, $"{v.Verdict.Code} {v.Verdict.Reason}")));
        var codes = flooder.Verdicts.Select(v => v.Verdict.Code).ToList();
        Assert.Equal(flood, codes.Count);
        Assert.True(codes.Count(c => c == DeviceVerdictCode.RejectedRateLimited) >= flood - 50, string.Join(",", codes.GroupBy(c => c).Select(g => $"{g.Key}={g.Count()}")));
        Assert.Equal(6, bed.Pool.Submissions.Count(s => s.Accepted) - flooder.Verdicts.Count(v => v.Verdict.IsAccepted));
        // Every share, refused or not, is in the ledger's device totals: 300 from the flooder, 3 × 2 from the others.
        (long shares, long rejects) = await gateway.TotalsAsync();
        Assert.Equal(flood + 6, shares + rejects);
    }

    [Fact]
    public async Task Two_gateways_behind_one_broker_split_the_devices_and_judge_every_share_exactly_once()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway one = await bed.StartGatewayAsync(1);
        RunningGateway two = await bed.StartGatewayAsync(2);
        SimulatedDevice[] devices = await bed.DevicesAsync(12, "fleet");

        const int perDevice = 4;
        await Task.WhenAll(devices.Select(d => MineAsync(d, perDevice)));

        int sent = devices.Sum(d => d.SharesSent);
        Assert.Equal(devices.Length * perDevice, sent);
        Assert.All(devices, d => Assert.Equal(perDevice, d.Verdicts.Count(v => v.Verdict.IsAccepted)));
        var owners = devices.Select(d => d.Jobs[0].JobId >> 24).ToHashSet();
        Assert.Equal([1u, 2u], owners.Order());
        (long sharesOne, long rejectsOne) = await one.TotalsAsync();
        (long sharesTwo, long rejectsTwo) = await two.TotalsAsync();
        Assert.Equal(sent, sharesOne + sharesTwo);
        Assert.Equal(0, rejectsOne + rejectsTwo);
        // The broker hands each share to either gateway; the one that did not issue its job passed it on.
        Assert.True(one.Instance.Counters.Forwarded + two.Instance.Counters.Forwarded > 0, "no share crossed between the gateways");
        await bed.Pool.WaitUntilAsync(() => bed.Pool.Submissions.Count >= sent, "every share at the pool");
        Assert.Equal(sent, bed.Pool.Submissions.Count(s => s.Accepted));
        Assert.Equal(sent, bed.Pool.Submissions.Select(s => s.Key).Distinct().Count());
    }

    /// <summary>Asks for work, finds <paramref name="count"/> shares with the portable core, sends them and waits for every verdict.</summary>
    internal static async Task MineAsync(SimulatedDevice device, int count)
    {
        await device.RequestWorkAsync();
        DeviceJob job = await device.WaitForJobAsync();
        foreach (uint nonce in SimulatedDevice.FindNonces(job, count))
        {
            await device.SendShareAsync(new DeviceShare(job.JobId, nonce, DeviceShare.LeadingZeroBitsOf(job.HashSha256d(nonce))));
        }

        await device.WaitForVerdictCountAsync(count, seconds: 30);
    }

    static async Task<DeviceVerdictCode> SendAsync(SimulatedDevice device, DeviceShare share)
    {
        int before = device.Verdicts.Count;
        await device.SendShareAsync(share);
        await device.WaitForVerdictCountAsync(before + 1);
        DeviceVerdict verdict = device.Verdicts[before].Verdict;
        Assert.Equal((share.JobId, share.Nonce), (verdict.JobId, verdict.Nonce));
        return verdict.Code;
    }
}
