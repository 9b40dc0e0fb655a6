using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Tests.Gateway.Ledger;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// The gateway loses nothing when upstream goes away (issue 15): the Stratum test pool is stopped and restarted in the
/// middle of a run. Shares found meanwhile are held (ledger state pending_upstream, devices told accepted-pending) and
/// get their final verdict from the pool once it is back: accepted when their job is still current there, stale when
/// the pool moved to a new block meanwhile. Nothing is called accepted that the pool never saw. On SQLite and PostgreSQL.
/// </summary>
public sealed class PendingUpstreamEndToEndTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static int _databases;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Shares_found_while_the_pool_is_down_are_held_and_judged_by_the_pool_when_it_is_back(string ledgerKind)
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        var settings = new List<(string, string)>
        {
            ("gateway:upstreamTimeoutSeconds", "1"),
            ("gateway:stratum:backoffInitial", "00:00:00.2"),
            ("gateway:stratum:backoffMax", "00:00:00.5"),
        };
        if (ledgerKind == "postgres")
        {
            string database = $"pending_{Interlocked.Increment(ref _databases)}";
            await postgres.CreateDatabaseAsync(database);
            settings.Add(("gateway:ledger:postgres", postgres.ConnectionString(database)));
        }

        RunningGateway gateway = await bed.StartGatewayAsync(0, [.. settings]);
        SimulatedDevice[] devices = await bed.DevicesAsync(2, "held");
        await Task.WhenAll(devices.Select(d => GatewayEndToEndTests.MineAsync(d, 1)));
        Assert.All(devices, d => Assert.True(Assert.Single(d.Verdicts).Verdict.IsAccepted));

        // The pool goes down; the job stays current (the pool resumes the session when it is back).
        List<(SimulatedDevice Device, DeviceShare Share)> kept = await FindWhilePoolIsDownAsync(bed, devices);
        bed.Pool.Restart();
        await WaitForVerdictsAsync(devices, 1 + 2 * 2);
        foreach ((SimulatedDevice device, DeviceShare share) in kept)
        {
            Assert.Equal([DeviceVerdictCode.AcceptedPending, DeviceVerdictCode.BlockFound], CodesFor(device, share));
            Assert.Equal(DeviceVerdictCode.BlockFound, (await FindAsync(gateway.Ledger, device.DeviceId, share))!.Verdict);
        }

        await bed.Pool.WaitUntilAsync(() => bed.Pool.Accepted.Count >= 2 + kept.Count, "the held shares at the pool");

        // Down again, and the pool moves to a new block before it comes back: the held shares are stale.
        List<(SimulatedDevice Device, DeviceShare Share)> voided = await FindWhilePoolIsDownAsync(bed, devices);
        await bed.Pool.SendJobAsync(clean: true);
        bed.Pool.Restart();
        await WaitForVerdictsAsync(devices, 1 + 2 * 2 + 2 * 2);
        foreach ((SimulatedDevice device, DeviceShare share) in voided)
        {
            Assert.Equal([DeviceVerdictCode.AcceptedPending, DeviceVerdictCode.RejectedStale], CodesFor(device, share));
            Assert.Equal(DeviceVerdictCode.RejectedStale, (await FindAsync(gateway.Ledger, device.DeviceId, share))!.Verdict);
        }

        // Every share the devices were told is accepted, the pool accepted; no other share is credited.
        int credited = devices.Sum(d => d.Verdicts.Count(v => v.Verdict.IsAccepted));
        Assert.Equal(2 + kept.Count, credited);
        Assert.Equal(credited, bed.Pool.Accepted.Count);
        Assert.Equal((credited, (long)voided.Count), await gateway.TotalsAsync());
        Assert.Equal(0, gateway.Instance.Dispatcher.PendingUpstream);
    }

    // Stops the pool, then each device sends two shares of its current job; each is answered accepted-pending.
    static async Task<List<(SimulatedDevice, DeviceShare)>> FindWhilePoolIsDownAsync(GatewayTestBed bed, SimulatedDevice[] devices)
    {
        await bed.Pool.StopAsync();
        var sent = new List<(SimulatedDevice, DeviceShare)>();
        foreach (SimulatedDevice device in devices)
        {
            DeviceJob job = device.Jobs[^1];
            int before = device.Verdicts.Count;
            var answered = device.Verdicts.Select(v => (v.Verdict.JobId, v.Verdict.Nonce)).ToHashSet();
            foreach (uint nonce in SimulatedDevice.FindNonces(job, 2 + answered.Count).Where(n => !answered.Contains((job.JobId, n))).Take(2))
            {
                var share = new DeviceShare(job.JobId, nonce);
                await device.SendShareAsync(share);
                sent.Add((device, share));
            }

            await device.WaitForVerdictCountAsync(before + 2, seconds: 30);
            Assert.All(device.Verdicts.Skip(before), v => Assert.Equal(DeviceVerdictCode.AcceptedPending, v.Verdict.Code));
        }

        return sent;
    }

    static Task WaitForVerdictsAsync(SimulatedDevice[] devices, int each) =>
        Task.WhenAll(devices.Select(d => d.WaitForVerdictCountAsync(each, seconds: 60)));

    static List<DeviceVerdictCode> CodesFor(SimulatedDevice device, DeviceShare share) =>
        device.Verdicts.Where(v => v.Verdict.JobId == share.JobId && v.Verdict.Nonce == share.Nonce).Select(v => v.Verdict.Code).ToList();

    static Task<LedgerShare?> FindAsync(IDeviceLedger ledger, string deviceId, DeviceShare share) => ledger switch
    {
        SqliteDeviceLedger sqlite => sqlite.FindShareAsync(deviceId, share.JobId, share.Nonce, default),
        PostgresDeviceLedger pg => pg.FindShareAsync(deviceId, share.JobId, share.Nonce, default),
        _ => throw new InvalidOperationException(ledger.GetType().Name),
    };
}
