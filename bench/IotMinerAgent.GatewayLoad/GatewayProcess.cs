using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.StratumTestPool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// The gateway under load, alone in its process: the Stratum test pool upstream (at a pool difficulty most shares do
/// not reach, so they stay local) and the SQLite ledger on disk with its default settings, or PostgreSQL when
/// <c>--postgres</c> is given (bench/gateway-failover.sh: two gateways, one ledger). Prints <c>ready</c> once it
/// has work; on SIGTERM it stops and prints its ledger's device totals.
/// </summary>
internal static class GatewayProcess
{
    /// <summary>Device shares are at difficulty 1e-8, so about 1 in 100 also meets the pool and goes upstream.</summary>
    public const double PoolDifficulty = 0.000001;

    public static async Task<int> RunAsync(LoadOptions load)
    {
        string state = Directory.CreateTempSubdirectory("iotminer-gateway-load-").FullName;
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = PoolDifficulty });
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["mqtt:host"] = "127.0.0.1",
            ["mqtt:port"] = load.Port.ToString(CultureInfo.InvariantCulture),
            ["gateway:stratum:pools:0:url"] = pool.Url,
            ["gateway:instance"] = load.Instance.ToString(CultureInfo.InvariantCulture),
            ["gateway:stratum:pools:0:user"] = "bc1qloadtest.gw" + load.Instance.ToString(CultureInfo.InvariantCulture),
            ["gateway:ledger:postgres"] = load.Postgres,
            // Pinned at 1e-8 for the fixed-rate devices; free with --share-interval (the pool's 1e-6 caps a job's target anyway).
            ["gateway:minDifficulty"] = load.ShareInterval is null ? "0.00000001" : "0.000000000001",
            ["gateway:maxDifficulty"] = load.ShareInterval is null ? "0.00000001" : "0.000001",
            ["gateway:shareIntervalSeconds"] = load.ShareInterval,
            ["gateway:overloadLagSeconds"] = load.OverloadLag,
            ["gateway:maxDevices"] = "100000",
            ["gateway:workers"] = load.Workers.ToString(CultureInfo.InvariantCulture),
        }).Build();
        MqttOptions mqtt = MqttOptions.Parse(key => configuration[key]);
        GatewayOptions options = GatewayOptions.Load(configuration, state, mqtt);
        using ILoggerFactory loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("IotMinerAgent.Linux.Gateway.Fleet", LogLevel.Warning));
        // gateway:ledger:postgres chooses PostgreSQL, as in iotminer gateway.
        await using IDeviceLedger ledger = await GatewayLedgers.OpenAsync(options, loggers, CancellationToken.None);
        await using var upstream = new StratumUpstream(options.Stratum, loggers.CreateLogger("upstream"));
        await using var gateway = new GatewayInstance(options, mqtt, upstream, ledger, TimeProvider.System, loggers);
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var timings = new ConcurrentQueue<ShareTiming>();
        if (load.Timings is not null)
        {
            gateway.Link.ShareAnswered += timings.Enqueue;
        }

        Task running = gateway.RunAsync(stop.Token);
        await gateway.Link.WaitConnectedAsync(CancellationToken.None);
        while (gateway.Upstream.State != UpstreamState.Working)
        {
            await Task.Delay(20);
        }

        // A pool sends fresh work every 30 s or so (non-clean: jobs already out stay valid, so no device gets new
        // work); without it the Stratum client would call the pool silent after 300 s and reconnect, and the new
        // session would make every device's job stale mid-run.
        Task freshWork = SendFreshWorkAsync(pool, stop.Token);
        var paces = new List<double>();
        Task pacing = SamplePaceAsync(gateway, paces, stop.Token);
        Console.WriteLine("ready");
        long jobsAtReady = gateway.Counters.JobsPublished;
        await running;
        await freshWork;
        await pacing;
        IReadOnlyList<DeviceTotals> totals = await ledger.ListDevicesAsync(CancellationToken.None);
        Console.WriteLine($"""
            gateway ledger           {totals.Sum(t => t.Shares + t.Rejects)} shares in the device totals ({totals.Sum(t => t.Shares)} credited, {totals.Sum(t => t.Rejects)} refused) over {totals.Count} devices
            gateway lost             {gateway.Counters.SharesLost} shares never answered (over the device queue and the overflow queue)
            upstream submissions     {pool.Submissions.Count} ({pool.Accepted.Count} accepted) at pool difficulty {PoolDifficulty}
            gateway jobs published   {gateway.Counters.JobsPublished - jobsAtReady} device jobs (per-device work messages)
            gateway overload pace    {(gateway.Dispatcher.Pace.Enabled ? $"{gateway.Dispatcher.Pace.Cuts} cuts, {gateway.Dispatcher.Pace.Current:0.###} of the usual share rate at the end (gateway:overloadLagSeconds {options.Fleet.OverloadLagSeconds} s, share interval {options.Fleet.ShareIntervalSeconds} s)" : "off (gateway:overloadLagSeconds 0)")}
                                     every {PaceSampleSeconds} s from ready: {string.Join(" ", paces.Select(p => p.ToString("0.###", CultureInfo.InvariantCulture)))}
            gateway GC               {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused in all ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)
            """);
        if (load.Timings is not null)
        {
            await File.WriteAllLinesAsync(load.Timings, timings.Select(t => FormattableString.Invariant($"{t.Verdict.JobId}\t{t.Verdict.Nonce}\t{t.ReceivedAt}\t{t.TakenAt}\t{t.DecidedAt}\t{t.PublishingAt}\t{t.AckedAt}")));
        }

        Directory.Delete(state, recursive: true);
        return 0;
    }

    const int PaceSampleSeconds = 5;

    // The fleet's pace every few seconds, to show when the gateway cut it and how it recovered.
    static async Task SamplePaceAsync(GatewayInstance gateway, List<double> paces, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(PaceSampleSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                paces.Add(gateway.Dispatcher.Pace.Current);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    static async Task SendFreshWorkAsync(TestPool pool, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await pool.SendJobAsync(clean: false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
