extern alias esp32;

using System;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.StratumTestPool;
using esp32::IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// Issue 9's virtual ESP32s (the firmware's own portable logic on simulated hardware) against issue 8's real gateway:
/// mosquitto, the gateway as the host composes it (dispatcher, Stratum upstream, SQLite ledger, MQTT link) and the
/// Stratum test pool, which recomputes every share it receives.
/// </summary>
public sealed class VirtualEsp32GatewayTests
{
    [Fact]
    public async Task Virtual_esp32s_mine_through_the_gateway_and_every_share_reaches_the_pool_exactly_once()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0);
        VirtualDevice[] devices = [.. Enumerable.Range(0, 3).Select(i => Start(bed, $"esp32-{i}"))];
        try
        {
            await WaitAsync(() => devices.All(d => d.Status.Accepted >= 3), 40, () => Describe(devices));
        }
        finally
        {
            foreach (VirtualDevice device in devices)
            {
                device.Dispose();
            }
        }

        // Verdicts in flight when the devices stopped are still recorded and submitted: wait for the pool to catch up.
        await WaitAsync(async () => bed.Pool.Accepted.Count == (await gateway.TotalsAsync()).Shares, 15,
            () => $"pool accepted {bed.Pool.Accepted.Count}");
        (long shares, long rejects) = await gateway.TotalsAsync();
        Assert.True(shares >= devices.Sum(d => d.Status.Accepted), $"ledger {shares} < devices' accepted {devices.Sum(d => d.Status.Accepted)}");
        Assert.Equal(0, rejects);
        Assert.All(devices, d => Assert.Equal(0, d.Status.Rejected));
        Assert.Empty(bed.Pool.ProtocolErrors);
        Assert.All(bed.Pool.Submissions, s => Assert.True(s.Accepted, $"{s.ErrorCode} {s.ErrorMessage}"));
        // The pool saw each header once: distinct extranonce2/version bits per work unit, distinct nonces per range.
        Assert.Equal(bed.Pool.Submissions.Count, bed.Pool.Submissions.Select(s => (s.JobId, s.Extranonce2, s.NTime, s.Nonce, s.VersionBits)).Distinct().Count());
    }

    [Fact]
    public async Task A_virtual_esp32_counts_shares_held_for_a_pool_that_is_down_as_pending_until_their_final_verdict()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0, ("gateway:upstreamTimeoutSeconds", "0.5"), ("gateway:maxJobsPerDevice", "64"),
            ("gateway:stratum:backoffInitial", "00:00:00.2"), ("gateway:stratum:backoffMax", "00:00:00.5"));
        VirtualDevice device = Start(bed, "esp32-held");
        try
        {
            await WaitAsync(() => device.Status.Accepted >= 1, 40, () => Describe([device]));
            await bed.Pool.StopAsync();
            await WaitAsync(() => device.Status.SharesPending >= 2, 40, () => $"pending {device.Status.SharesPending}; " + Describe([device]));
            int acceptedBefore = device.Status.Accepted;

            bed.Pool.Restart();
            await WaitAsync(() => device.Status.SharesPending == 0 && device.Status.Accepted >= acceptedBefore + 2, 40,
                () => $"pending {device.Status.SharesPending}; " + Describe([device]));
            Assert.Equal(0, device.Status.Rejected);
        }
        finally
        {
            device.Dispose();
        }

        // Credited in the ledger only what the pool accepted.
        await WaitAsync(async () => bed.Pool.Accepted.Count == (await gateway.TotalsAsync()).Shares, 15, () => $"pool accepted {bed.Pool.Accepted.Count}");
    }

    [Fact]
    public async Task Shares_a_virtual_esp32_finds_during_wifi_and_broker_outages_are_judged_once_after_it_reconnects()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        // The test bed's narrow difficulty band and a device that finds several shares a second make vardiff issue a
        // new job every few seconds; the gateway must remember the jobs the backlog found offline was found on.
        RunningGateway gateway = await bed.StartGatewayAsync(0, ("gateway:maxJobsPerDevice", "64"));
        // An outbox large enough for everything found offline: this test is about nothing being lost, not about a full one.
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = bed.Broker.Port,
            DeviceId = "esp32-flaky",
            MiningJson = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 16, \"outboxCapacity\": 512",
        }).Start();
        await WaitAsync(() => device.Status.Accepted >= 2, 30, () => Describe([device]));

        device.Wifi.Drop();
        int found = device.Status.SharesFound;
        await WaitAsync(() => device.Status.SharesFound >= found + 3, 15, () => $"found {device.Status.SharesFound} while Wi-Fi is down");
        device.Wifi.Restore();
        await WaitAsync(() => device.Status.MqttConnected, 15, () => "no reconnect after Wi-Fi came back");

        await bed.Broker.StopAsync();
        found = device.Status.SharesFound;
        await WaitAsync(() => device.Status.SharesFound >= found + 3, 15, () => $"found {device.Status.SharesFound} while the broker is down");
        await bed.Broker.StartAgainAsync();

        // Withdrawn consent stops new finds; everything found must then drain to the gateway and be judged.
        await WaitAsync(() => device.Status.MqttConnected, 20, () => "no reconnect after the broker came back");
        device.Miner.SetConsent(false);
        await WaitAsync(() => device.Status.OutboxCount == 0, 60, () => $"outbox still holds {device.Status.OutboxCount}");
        found = device.Status.SharesFound;
        (long Shares, long Rejects) totals = default;
        await WaitAsync(async () => (totals = await gateway.TotalsAsync()).Shares == found, 15,
            () => $"device found {found}, ledger {totals}; {Describe([device])}");
        // Every share found is credited once in the ledger and reached the pool once. The device's own count of
        // accepted verdicts may be lower: a share sent again after a lost verdict is answered rejected-duplicate, which
        // the firmware does not hold against it.
        Assert.Equal(0, device.Status.SharesDropped);
        Assert.Equal(0, device.Status.Rejected);
        Assert.InRange(device.Status.Accepted, 1, found);
        await WaitAsync(() => bed.Pool.Accepted.Count == found, 15, () => $"pool accepted {bed.Pool.Accepted.Count} of {found}");
        Assert.Equal(found, bed.Pool.Submissions.Select(x => (x.JobId, x.Extranonce2, x.NTime, x.Nonce, x.VersionBits)).Distinct().Count());
    }

    static VirtualDevice Start(GatewayTestBed bed, string deviceId) =>
        VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = bed.Broker.Port, DeviceId = deviceId }).Start();

    static string Describe(VirtualDevice[] devices) =>
        string.Join("; ", devices.Select(d => $"{d.Options.DeviceId}: {d.Status.State} ({d.Status.Reason}) found {d.Status.SharesFound} accepted {d.Status.Accepted} rejected {d.Status.Rejected} stale {d.Status.Stale} dropped {d.Status.SharesDropped}"));

    static Task WaitAsync(Func<bool> condition, double seconds, Func<string> state) =>
        WaitAsync(() => Task.FromResult(condition()), seconds, state);

    static async Task WaitAsync(Func<Task<bool>> condition, double seconds, Func<string> state)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {seconds} s: {state()}");
            }

            await Task.Delay(50);
        }
    }
}
