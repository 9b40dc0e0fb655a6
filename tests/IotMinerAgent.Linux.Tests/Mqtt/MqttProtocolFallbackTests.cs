using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>MQTT 5 first, 3.1.1 when the broker refuses 5 — with an MQTT 5 refusal and with a 3.1.1-only broker's answer.</summary>
public sealed class MqttProtocolFallbackTests
{
    [Fact]
    public async Task Falls_back_to_3_1_1_when_the_broker_refuses_mqtt_5_and_then_works_normally()
    {
        MqttServerOptions serverOptions = new MqttServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointBoundIPV6Address(IPAddress.None).WithDefaultEndpointPort(0).Build();
        using MqttServer server = new MqttServerFactory().CreateMqttServer(serverOptions);
        int refusedV5 = 0;
        server.ValidatingConnectionAsync += e =>
        {
            if (e.ProtocolVersion == MqttProtocolVersion.V500)
            {
                Interlocked.Increment(ref refusedV5);
                e.ReasonCode = MqttConnectReasonCode.UnsupportedProtocolVersion;
            }

            return Task.CompletedTask;
        };
        await server.StartAsync();
        int port = serverOptions.DefaultEndpointOptions.Port;

        await using RunningReporter agent = RunningReporter.Start("fallback", ("mqtt:host", "127.0.0.1"), ("mqtt:port", port.ToString()));
        MqttConnection connection = await agent.ConnectedAsync();
        agent.Reporter.Outbox.Enqueue(ShareOutboxTests.Share(1) with { DeviceId = "fallback" });

        Assert.Equal(MqttProtocolVersion.V311, connection.ProtocolVersion);
        Assert.Equal(1, refusedV5);
        await MqttBrokerContractTests.WaitUntilAsync(() => agent.Reporter.Outbox.Count == 0, "share acknowledged over MQTT 3.1.1");
        await server.StopAsync();
    }

    [Fact]
    public async Task A_3_1_1_only_broker_answering_return_code_1_gets_a_3_1_1_connect()
    {
        // MQTT 3.1.1 §3.1.2.2: a server that does not support the requested protocol level answers CONNACK with
        // return code 0x01 and closes. This broker does exactly that and records the levels it was offered.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var levels = new System.Collections.Concurrent.ConcurrentQueue<byte>();
        using var stop = new CancellationTokenSource();
        Task old = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using Socket client = await listener.AcceptSocketAsync(stop.Token);
                byte[] buffer = new byte[256];
                int read = await client.ReceiveAsync(buffer, stop.Token);
                if (read > 8)
                {
                    levels.Enqueue(buffer[8]); // fixed header (2) + "MQTT" length-prefixed (6) → protocol level
                }

                await client.SendAsync(new byte[] { 0x20, 0x02, 0x00, 0x01 }, stop.Token);
            }
        });

        await using RunningReporter agent = RunningReporter.Start("old-broker", ("mqtt:host", "127.0.0.1"), ("mqtt:port", port.ToString()));
        await MqttBrokerContractTests.WaitUntilAsync(() => levels.Count >= 2, "two connection attempts");
        // The broker has read the second CONNECT; the client records the refusal once its CONNACK is read.
        MqttConnection connection = await agent.Reporter.Connection;
        await MqttBrokerContractTests.WaitUntilAsync(() => connection.LastError?.Contains("UnsupportedProtocolVersion", StringComparison.Ordinal) == true,
            "the 3.1.1 refusal recorded as the last error");
        stop.Cancel();

        Assert.Equal(new byte[] { 5, 4 }, levels.ToArray()[..2]);
    }
}
