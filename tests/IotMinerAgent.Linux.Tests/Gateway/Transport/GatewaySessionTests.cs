using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Gateway.Hosting;
using IotMinerAgent.Linux.Tests.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// Persistent MQTT 5 sessions (issue 15) against a real mosquitto: with clean start off and a session expiry interval
/// the broker keeps the gateways' shared subscriptions while every gateway is away and queues the devices' shares for
/// them; when the gateways come back, every share is judged exactly once.
/// </summary>
public sealed class GatewaySessionTests
{
    [Fact]
    public async Task Shares_published_while_every_gateway_is_away_are_queued_by_the_broker_and_judged_exactly_once_when_they_are_back()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        // Each gateway reaches the broker through a relay that can be cut and brought back on the same port.
        TcpRelay[] relays = [TcpRelay.Start(bed.Broker.Port), TcpRelay.Start(bed.Broker.Port)];
        int[] ports = [relays[0].Port, relays[1].Port];
        RunningGateway one = await bed.StartGatewayAsync(1, ("mqtt:port", ports[0].ToString(CultureInfo.InvariantCulture)), ("gateway:mqtt:sessionExpirySeconds", "600"));
        RunningGateway two = await bed.StartGatewayAsync(2, ("mqtt:port", ports[1].ToString(CultureInfo.InvariantCulture)), ("gateway:mqtt:sessionExpirySeconds", "600"));
        SimulatedDevice[] devices = await bed.DevicesAsync(6, "queued");
        await Task.WhenAll(devices.Select(d => GatewayEndToEndTests.MineAsync(d, 1)));

        // Every gateway away: the broker sees their connections close.
        foreach (TcpRelay relay in relays)
        {
            await relay.StopAsync();
        }

        await WaitAsync(() => !one.Instance.Link.IsConnected && !two.Instance.Link.IsConnected, "both gateways disconnected");
        const int PerDevice = 3;
        foreach (SimulatedDevice device in devices)
        {
            DeviceJob job = device.Jobs[^1];
            foreach (uint nonce in SimulatedDevice.FindNonces(job, 1 + PerDevice).Skip(1))
            {
                await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
            }
        }

        // A while with no gateway: nothing can be judged.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(devices, d => Assert.Single(d.Verdicts));

        relays = [TcpRelay.Start(bed.Broker.Port, ports[0]), TcpRelay.Start(bed.Broker.Port, ports[1])];
        try
        {
            await Task.WhenAll(devices.Select(d => d.WaitForVerdictCountAsync(1 + PerDevice, seconds: 60)));

            // Exactly once: one verdict per share, all accepted, one ledger credit and one pool submission each.
            Assert.All(devices, d => Assert.Equal(1 + PerDevice, d.Verdicts.Select(v => (v.Verdict.JobId, v.Verdict.Nonce)).Distinct().Count()));
            Assert.All(devices, d => Assert.All(d.Verdicts, v => Assert.True(v.Verdict.IsAccepted, $"{v.Verdict.Code} {v.Verdict.Reason}")));
            int sent = devices.Sum(d => d.SharesSent);
            (long sharesOne, long rejectsOne) = await one.TotalsAsync();
            (long sharesTwo, long rejectsTwo) = await two.TotalsAsync();
            Assert.Equal((long)sent, sharesOne + sharesTwo);
            Assert.Equal(0, rejectsOne + rejectsTwo);
            await bed.Pool.WaitUntilAsync(() => bed.Pool.Submissions.Count >= sent, "every share at the pool");
            Assert.Equal(sent, bed.Pool.Submissions.Select(s => s.Key).Distinct().Count());
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(devices, d => Assert.Equal(1 + PerDevice, d.Verdicts.Count));
        }
        finally
        {
            foreach (TcpRelay relay in relays)
            {
                await relay.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task With_a_clean_session_every_time_the_broker_drops_shares_published_while_no_gateway_is_connected()
    {
        // The control: what the persistent session prevents (and what mosquitto does without one).
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        TcpRelay relay = TcpRelay.Start(bed.Broker.Port);
        int port = relay.Port;
        RunningGateway gateway = await bed.StartGatewayAsync(1, ("mqtt:port", port.ToString(CultureInfo.InvariantCulture)), ("gateway:mqtt:sessionExpirySeconds", "0"));
        SimulatedDevice device = (await bed.DevicesAsync(1, "lost"))[0];
        await GatewayEndToEndTests.MineAsync(device, 1);

        await relay.StopAsync();
        await WaitAsync(() => !gateway.Instance.Link.IsConnected, "the gateway disconnected");
        DeviceJob job = device.Jobs[^1];
        uint nonce = SimulatedDevice.FindNonces(job, 2)[1];
        await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
        relay = TcpRelay.Start(bed.Broker.Port, port);
        try
        {
            await WaitAsync(() => gateway.Instance.Link.IsConnected, "the gateway reconnected");
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Single(device.Verdicts);

            // Sent again (as a device does after its verdict timeout), it is judged.
            await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
            await device.WaitForVerdictCountAsync(2, seconds: 30);
            Assert.True(device.Verdicts[1].Verdict.IsAccepted, device.Verdicts[1].Verdict.Reason);
        }
        finally
        {
            await relay.DisposeAsync();
        }
    }

    static async Task WaitAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
