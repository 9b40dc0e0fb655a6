using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Tests.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.StratumTestPool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// Real peers for the gateway end to end: a mosquitto, the Stratum test pool (which recomputes every share), and
/// gateways composed as the host composes them (FleetDispatcher, StratumUpstream, SQLite ledger, MQTT link), each
/// configured through the real <c>gateway</c> section.
/// </summary>
internal sealed class GatewayTestBed : IAsyncDisposable
{
    readonly List<RunningGateway> _gateways = [];
    readonly List<SimulatedDevice> _devices = [];
    readonly string _state = Directory.CreateTempSubdirectory("iotminer-gateway-").FullName;

    GatewayTestBed(MosquittoBroker broker, TestPool pool)
    {
        Broker = broker;
        Pool = pool;
    }

    public MosquittoBroker Broker { get; }

    public TestPool Pool { get; }

    public IReadOnlyList<RunningGateway> Gateways => _gateways;

    public string StateDirectory => _state;

    /// <summary>Device share difficulty is tiny so the portable core finds shares in microseconds; the pool's is lower still, so every share goes upstream.</summary>
    public static async Task<GatewayTestBed> StartAsync(double poolDifficulty = 1e-9)
    {
        MosquittoBroker broker = await MosquittoBroker.StartAsync();
        return new GatewayTestBed(broker, TestPool.Start(new TestPoolOptions { Difficulty = poolDifficulty }));
    }

    /// <summary>The configuration keys of a test gateway; <paramref name="extra"/> overrides them.</summary>
    public Dictionary<string, string?> Settings(byte instance, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["mqtt:host"] = "127.0.0.1",
            ["mqtt:port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["mqtt:reconnectMinSeconds"] = "0.1",
            ["mqtt:reconnectMaxSeconds"] = "0.5",
            ["mqtt:statusIntervalSeconds"] = "1",
            ["gateway:instance"] = instance.ToString(CultureInfo.InvariantCulture),
            ["gateway:stratum:pools:0:url"] = Pool.Url,
            ["gateway:stratum:pools:0:user"] = "bc1qgatewaypayout.gw" + instance,
            ["gateway:ledger:sqlitePath"] = $"ledger-{instance}.db",
            ["gateway:minDifficulty"] = "0.0000001",
            ["gateway:maxDifficulty"] = "0.000001",
            ["gateway:maxSharesPerSecond"] = "1000",
            ["gateway:shareBurst"] = "1000",
        };
        foreach ((string key, string value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts a gateway configured by <see cref="Settings"/> and waits until it is connected and has work.</summary>
    public Task<RunningGateway> StartGatewayAsync(byte instance, params (string Key, string Value)[] extra) => StartGatewayAsync(instance, null, extra);

    /// <summary>As <see cref="StartGatewayAsync(byte, (string, string)[])"/>, judging against <paramref name="judgingLedger"/> of its ledger (a slowed one, say).</summary>
    public async Task<RunningGateway> StartGatewayAsync(byte instance, Func<IDeviceLedger, IDeviceLedger>? judgingLedger, params (string Key, string Value)[] extra)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(instance, extra)).Build();
        MqttOptions mqtt = MqttOptions.Parse(key => configuration[key]);
        GatewayOptions options = GatewayOptions.Load(configuration, _state, mqtt);
        var gateway = await RunningGateway.StartAsync(options, mqtt, judgingLedger);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>Connects <paramref name="count"/> devices named <paramref name="prefix"/>-0.. .</summary>
    public async Task<SimulatedDevice[]> DevicesAsync(int count, string prefix = "dev")
    {
        SimulatedDevice[] devices = await Task.WhenAll(Enumerable.Range(0, count).Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", Broker.Port, $"{prefix}-{i}")));
        _devices.AddRange(devices);
        return devices;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SimulatedDevice device in _devices)
        {
            await device.DisposeAsync();
        }

        foreach (RunningGateway gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        await Pool.DisposeAsync();
        await Broker.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}

/// <summary>One composed gateway running until disposed.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly IGatewayUpstream _upstream;
    Task _run = Task.CompletedTask;

    RunningGateway(GatewayOptions options, IDeviceLedger ledger, IGatewayUpstream upstream, GatewayInstance instance)
    {
        Options = options;
        Ledger = ledger;
        _upstream = upstream;
        Instance = instance;
    }

    public GatewayOptions Options { get; }

    /// <summary>Set IOTMINER_TEST_LOG=1 to see the gateways' logs on the console.</summary>
    static ILoggerFactory Loggers { get; } = Environment.GetEnvironmentVariable("IOTMINER_TEST_LOG") == "1"
        ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug))
        : NullLoggerFactory.Instance;

    /// <summary>The ledger: the SQLite file, or PostgreSQL when gateway:ledger:postgres is set.</summary>
    public IDeviceLedger Ledger { get; }

    public GatewayInstance Instance { get; }

    /// <summary>Starts a gateway; with <paramref name="judgingLedger"/>, it judges against what that makes of its ledger.</summary>
    public static async Task<RunningGateway> StartAsync(GatewayOptions options, MqttOptions mqtt, Func<IDeviceLedger, IDeviceLedger>? judgingLedger = null)
    {
        IDeviceLedger ledger = await GatewayLedgers.OpenAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        IGatewayUpstream upstream = GatewayUpstreams.Create(options, Loggers);
        var instance = new GatewayInstance(options, mqtt, upstream, judgingLedger?.Invoke(ledger) ?? ledger, TimeProvider.System, Loggers);
        var gateway = new RunningGateway(options, ledger, upstream, instance);
        gateway._run = instance.RunAsync(gateway._stop.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await instance.Link.WaitConnectedAsync(timeout.Token);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (instance.Upstream.State != UpstreamState.Working)
        {
            if (DateTime.UtcNow > deadline || gateway._run.IsCompleted)
            {
                throw new TimeoutException($"gateway {options.Instance} got no work from the pool ({instance.Upstream.State}); run: {gateway._run.Exception?.Message}");
            }

            await Task.Delay(20);
        }

        return gateway;
    }

    /// <summary>The ledger's totals over every device.</summary>
    public async Task<(long Shares, long Rejects)> TotalsAsync()
    {
        IReadOnlyList<DeviceTotals> devices = await Ledger.ListDevicesAsync(CancellationToken.None);
        return (devices.Sum(d => d.Shares), devices.Sum(d => d.Rejects));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Instance.DisposeAsync();
        switch (_upstream)
        {
            case IAsyncDisposable disposable:
                await disposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        await Ledger.DisposeAsync();
    }
}
