using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Hardware;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>
/// The real <see cref="ApiServer"/> on Kestrel at 127.0.0.1 port 0, over the real owner's controls (<see cref="MiningControl"/>
/// on a real governor loop and duty gate), a real <see cref="RecentShares"/> and <see cref="StatusHistory"/>; the status
/// source reads the controls, as the agent's provider does. Every log line is captured (the token must never appear).
/// </summary>
internal sealed class ApiServerHarness : IAsyncDisposable
{
    private readonly ApiServer _server;
    private readonly GovernorLoop _loop;
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("iotminer-api-").FullName;
    private readonly EnergyLedgerStore _store;

    private ApiServerHarness(ApiOptions options, RunningGateway? gateway, bool agent)
    {
        var gate = new DutyCycleGate();
        _loop = new GovernorLoop(new ThermalGovernor(new GovernorPolicy { Threads = 2, IdleOnly = false, NoSensorDutyPercent = 100 }), gate,
            sensor: null, idleSources: Array.Empty<IIdleSource>(), TimeSpan.FromMilliseconds(100));
        _loop.Step();
        Control = new MiningControl(_loop, gate, workers: 2);
        Source = new ControlStatus(Control);
        _store = EnergyLedgerStore.Open(_stateDirectory);
        Energy = new EnergyLedger(_store, "test-device", TimeProvider.System);
        Api = agent
            ? new AgentApi(Source, "test-device", Shares, History, Control, status => new AgentResponse("test-device", options.ReadOnly, [], "given for this test", "no estimate", null),
                Energy, "EUR", new EnergySources("estimate: the test's", "kWh × energy:pricePerKwh", "unknown: set energy:blockReward", "expected coins × energy:coinPrice"))
            : null;
        _server = new ApiServer(options, Api, gateway, new CapturingLoggerFactory(Logs));
    }

    public MiningControl Control { get; }

    /// <summary>A real energy ledger on a SQLite file in a temporary state directory.</summary>
    public EnergyLedger Energy { get; }

    public ControlStatus Source { get; }

    /// <summary>The ledger's SQLite file (its <see cref="EnergyLedgerStore.Reads"/> count).</summary>
    public EnergyLedgerStore Store => _store;

    public RecentShares Shares { get; } = new(capacity: 5);

    public StatusHistory History { get; } = new(TimeProvider.System, _ => null);

    public AgentApi? Api { get; }

    public List<string> Logs { get; } = [];

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Address => _server.Address ?? throw new InvalidOperationException("the API server is not listening");

    public static async Task<ApiServerHarness> StartAsync(ApiOptions? options = null, RunningGateway? gateway = null, bool agent = true)
    {
        var harness = new ApiServerHarness((options ?? new ApiOptions()) with { Port = 0 }, gateway, agent);
        await harness._server.StartAsync(CancellationToken.None);
        return harness;
    }

    public Uri Url(string path) => new(Address, path);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        Client.Dispose();
        _store.Dispose();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    /// <summary>The status as the agent's provider builds it, from the owner's controls.</summary>
    internal sealed class ControlStatus(MiningControl control) : IAgentStatusSource
    {
        public long Accepted { get; set; } = 7;

        public double? EnergyKwh { get; set; }

        public AgentStatus GetStatus() => new()
        {
            State = control.State,
            Reason = control.Reason,
            MiningEnabled = control.MiningEnabled,
            HashrateHs = 1234.5,
            Algo = "sha256d",
            Engine = "scalar",
            Threads = control.Threads,
            MaxThreads = control.MaxThreads,
            DutyPercent = control.DutyPercent,
            MaxDutyPercent = control.MaxDutyPercent,
            TargetTemperatureC = control.TargetTemperatureC,
            TemperatureC = 48.5,
            Accepted = Accepted,
            Rejected = 2,
            Stale = 1,
            BestDifficulty = 0.5,
            Pool = "stratum+tcp://pool.example.org:3333",
            UptimeS = 42,
            Version = "0.1.0",
            EnergyKwh = EnergyKwh,
        };
    }

    private sealed class CapturingLoggerFactory(List<string> logs) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (logs)
            {
                logs.Add(formatter(state, exception) + " " + exception);
            }
        }
    }
}
