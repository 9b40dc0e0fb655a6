using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Connection;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class EmbeddedBrokerTests
{
    [Fact]
    public async Task Listens_on_ipv4_loopback_only()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync(0);

        IPEndPoint[] listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == broker.Port).ToArray();

        Assert.Equal([IPAddress.Loopback], listeners.Select(e => e.Address));
    }

    [Fact]
    public async Task A_taken_port_is_reported_with_the_fix()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<EmbeddedBrokerException>(() => EmbeddedBroker.StartAsync(port));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("already in use", error.Message);
        Assert.Contains("mqtt:embeddedBrokerPort", error.Message);
    }

    [Fact]
    public async Task Without_a_host_the_reporter_starts_the_embedded_broker_and_a_subscriber_can_watch_it()
    {
        int port = MosquittoBroker.FreePort();
        await using RunningReporter agent = RunningReporter.Start("embedded", ("mqtt:embeddedBrokerPort", port.ToString()));
        await agent.ConnectedAsync();

        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(port, ["iotminer/embedded/#"]);

        Assert.Equal(port, agent.Reporter.EmbeddedBrokerPort);
        Assert.Equal("online", (await sub.WaitForAsync(m => m.Topic.EndsWith("availability"), "retained availability")).Payload);
        Assert.Equal("embedded", (await sub.WaitForAsync(m => m.Topic.EndsWith("status"), "retained status")).Json.GetProperty("device_id").GetString());
    }
}
