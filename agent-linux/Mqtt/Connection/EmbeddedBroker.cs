using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// An in-process MQTT broker (MQTTnet server) for setups without one: bound to 127.0.0.1 only (IPv4 loopback,
/// no IPv6 listener), so nothing on the network can reach it, while <c>mosquitto_sub -h 127.0.0.1</c> can watch
/// the agent. Retained messages and persistent sessions live in memory.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    readonly MqttServer _server;

    EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>The port it listens on (the actual one when started with port 0).</summary>
    public int Port { get; }

    /// <summary>Host to connect to.</summary>
    public static string Host => IPAddress.Loopback.ToString();

    /// <summary>Starts the broker on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    /// <exception cref="EmbeddedBrokerException">The port is taken or cannot be bound; the message says what to do.</exception>
    public static async Task<EmbeddedBroker> StartAsync(int port)
    {
        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions(true)
            .Build();
        MqttServer server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += AssignMissingClientId;
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            server.Dispose();
            throw new EmbeddedBrokerException(exception.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"the embedded MQTT broker cannot listen on 127.0.0.1:{port}: the port is already in use (another broker such as mosquitto?). Set mqtt:host = 127.0.0.1 to use that broker, or mqtt:embeddedBrokerPort to a free port."
                : $"the embedded MQTT broker cannot listen on 127.0.0.1:{port}: {exception.Message}. Set mqtt:embeddedBrokerPort to another port (ports below 1024 need root).", exception);
        }

        return new EmbeddedBroker(server, options.DefaultEndpointOptions.Port);
    }

    /// <summary>
    /// Gives a client that connects without an id (mosquitto_sub with MQTT 3.1.1 sends none) one of its own, as
    /// MQTT 3.1.1 §3.1.3.1 and MQTT 5 §3.1.3.1 let a server do; MQTTnet refuses such clients otherwise.
    /// </summary>
    static Task AssignMissingClientId(ValidatingConnectionEventArgs connecting)
    {
        if (string.IsNullOrEmpty(connecting.ClientId))
        {
            connecting.AssignedClientIdentifier = "anonymous-" + Guid.NewGuid().ToString("N")[..12];
            connecting.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.Success;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }
}
