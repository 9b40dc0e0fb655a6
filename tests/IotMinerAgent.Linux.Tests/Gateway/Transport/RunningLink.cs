using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Mqtt.Connection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>A <see cref="GatewayMqttLink"/> running against a broker on 127.0.0.1 until disposed.</summary>
internal sealed class RunningLink : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly Task _run;

    RunningLink(GatewayMqttLink link)
    {
        Link = link;
        _run = link.RunAsync(_stop.Token);
    }

    public GatewayMqttLink Link { get; }

    public static async Task<RunningLink> StartAsync(int port, IFleetDispatcher dispatcher, GatewayLinkSettings? settings = null, string group = GatewayTopics.DefaultGroup)
    {
        var options = new MqttOptions
        {
            Host = "127.0.0.1",
            Port = port,
            ReconnectMin = TimeSpan.FromMilliseconds(100),
            ReconnectMax = TimeSpan.FromMilliseconds(500),
        };
        var link = new GatewayMqttLink(options, new GatewayTopics(dispatcher.Instance, group), dispatcher, settings ?? new GatewayLinkSettings(),
            new GatewayCounters(TimeProvider.System), TimeProvider.System, NullLogger.Instance);
        var running = new RunningLink(link);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await link.WaitConnectedAsync(timeout.Token);
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Link.DisposeAsync();
    }
}
