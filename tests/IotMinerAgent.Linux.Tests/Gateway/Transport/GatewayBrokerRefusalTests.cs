using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Mqtt.Connection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>A broker that only speaks MQTT 3.1.1 cannot carry shared subscriptions: the gateway says so and how to fix it.</summary>
public sealed class GatewayBrokerRefusalTests
{
    [Fact]
    public async Task A_broker_that_refuses_MQTT_5_gets_an_error_naming_the_fix_and_the_gateway_keeps_retrying()
    {
        // Answers every CONNECT as a 3.1.1-only broker does: CONNACK return code 1, "unacceptable protocol version"
        // (MQTT 3.1.1 §3.2.2.3), then closes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int attempts = 0;
        Task broker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using TcpClient client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref attempts);
                NetworkStream stream = client.GetStream();
                // The CONNECT itself does not matter; reading some of it is enough to answer after it.
                _ = await stream.ReadAtLeastAsync(new byte[512], 1, throwOnEndOfStream: false, stop.Token);
                await stream.WriteAsync(new byte[] { 0x20, 0x02, 0x00, 0x01 }, stop.Token);
            }
        });

        var options = new MqttOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)listener.LocalEndpoint).Port,
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(100),
        };
        await using var link = new GatewayMqttLink(options, new GatewayTopics(0), new ScriptedDispatcher(0), new GatewayLinkSettings(),
            new GatewayCounters(TimeProvider.System), TimeProvider.System, NullLogger.Instance);
        Task running = link.RunAsync(stop.Token);
        while (Volatile.Read(ref attempts) < 2 && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        string? error = link.LastError;
        await stop.CancelAsync();
        await running;
        await broker.ContinueWith(_ => { });

        Assert.True(attempts >= 2, "the gateway did not try again");
        Assert.NotNull(error);
        Assert.Contains("needs MQTT 5", error);
        Assert.Contains("mosquitto 1.6 or newer", error);
        Assert.False(link.IsConnected);
    }
}
