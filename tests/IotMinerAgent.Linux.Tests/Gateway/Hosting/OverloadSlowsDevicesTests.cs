using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// Issue 23's overload goal through the composed gateway on a real mosquitto and the Stratum test pool: a gateway whose
/// ledger takes 200 ms per share (at most 5 judged shares/s) serves 8 miners of a fixed hash rate whose vardiff
/// difficulty means one share per second each (8 shares/s). Left alone its lag would grow by 0.6 s every second; instead
/// it notices the lag (gateway:overloadLagSeconds, default 1 s), halves the fleet's pace and the miners get harder jobs,
/// so they send fewer shares, and every share still gets exactly one verdict and one ledger record.
/// </summary>
public sealed class OverloadSlowsDevicesTests
{
    const int Miners = 8;
    const int Seconds = 20;
    const double StartDifficulty = 1e-7;

    [Fact]
    public async Task An_overloaded_gateway_raises_the_difficulty_of_the_sending_devices_and_answers_every_share_once()
    {
        // Pool difficulty 1: no share goes upstream, each is judged and recorded here.
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync(poolDifficulty: 1);
        RunningGateway gateway = await bed.StartGatewayAsync(0, ledger => new SlowLedger(ledger, TimeSpan.FromMilliseconds(200)),
            ("gateway:shareIntervalSeconds", "1"), ("gateway:minDifficulty", "0.000000001"), ("gateway:maxDifficulty", "0.0001"));

        // StartDifficulty · hashes-per-difficulty hashes a second: one share per second at StartDifficulty.
        double hashRate = StartDifficulty * DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);
        HashRateMiner[] miners = [.. (await bed.DevicesAsync(Miners, "miner")).Select(d => new HashRateMiner(d, hashRate))];
        await Task.WhenAll(miners.Select(m => m.StartAsync()));
        Assert.All(miners, m => Assert.Equal(StartDifficulty, HashRateMiner.DifficultyOf(m.Device.Jobs[0]), StartDifficulty * 1e-6));

        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Seconds)))
        {
            await Task.WhenAll(miners.Select(m => m.RunAsync(stop.Token)));
        }

        // The gateway saw its lag and cut the pace; every miner got a job at least twice as hard as the one before it
        // (a pace cut doubles the difficulty; the vardiff alone would keep one share per second at 1e-7 each).
        Assert.True(gateway.Instance.Dispatcher.Pace.Cuts >= 1, "the gateway never counted itself overloaded");
        Assert.All(miners, m => Assert.True(LargestStep(m.Device.Jobs) >= 1.9,
            $"{m.Device.DeviceId}: job difficulties {string.Join(", ", m.Device.Jobs.Select(j => HashRateMiner.DifficultyOf(j).ToString("0.##e0")))}"));

        // So the miners sent fewer shares than the 8 a second of a fleet at its vardiff difficulty.
        int sent = miners.Sum(m => m.Device.SharesSent);
        Assert.True(sent < 0.85 * Miners * Seconds, $"{sent} shares sent in {Seconds} s by {Miners} miners");

        // Every share is answered exactly once and recorded once, however long the ledger takes for the last ones.
        foreach (HashRateMiner miner in miners)
        {
            await miner.Device.WaitForVerdictCountAsync(miner.Device.SharesSent, seconds: 120);
        }

        Assert.All(miners, m =>
        {
            IReadOnlyList<ReceivedVerdict> verdicts = m.Device.Verdicts;
            Assert.Equal(m.Device.SharesSent, verdicts.Count);
            Assert.Equal(verdicts.Count, verdicts.Select(v => (v.Verdict.JobId, v.Verdict.Nonce)).Distinct().Count());
            Assert.All(verdicts, v => Assert.Equal(DeviceVerdictCode.Accepted, v.Verdict.Code));
        });
        (long shares, long rejects) = await gateway.TotalsAsync();
        Assert.Equal(sent, shares + rejects);
    }

    // The largest factor between a job's difficulty and the one before it.
    static double LargestStep(IReadOnlyList<DeviceJob> jobs)
    {
        double largest = 0;
        for (int i = 1; i < jobs.Count; i++)
        {
            largest = Math.Max(largest, HashRateMiner.DifficultyOf(jobs[i]) / HashRateMiner.DifficultyOf(jobs[i - 1]));
        }

        return largest;
    }
}
