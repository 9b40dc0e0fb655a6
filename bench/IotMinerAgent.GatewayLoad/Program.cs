using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.GatewayLoad;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Tests.Gateway.Transport;
using IotMinerAgent.StratumTestPool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// One gateway in-process (Stratum test pool upstream at a pool difficulty most shares do not reach, so they stay
// local; device share difficulty tiny so devices find shares at once) and N simulated devices over a running broker.
LoadOptions load;
try
{
    load = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine("gateway-load: " + exception.Message);
    return 64;
}

string state = Directory.CreateTempSubdirectory("iotminer-gateway-load-").FullName;
await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = PoolDifficulty });
IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["mqtt:host"] = "127.0.0.1",
    ["mqtt:port"] = load.Port.ToString(CultureInfo.InvariantCulture),
    ["gateway:stratum:pools:0:url"] = pool.Url,
    ["gateway:stratum:pools:0:user"] = "bc1qloadtest.gw0",
    ["gateway:minDifficulty"] = "0.00000001",
    ["gateway:maxDifficulty"] = "0.00000001",
    ["gateway:maxDevices"] = Math.Max(10_000, load.Devices).ToString(CultureInfo.InvariantCulture),
    ["gateway:workers"] = load.Workers.ToString(CultureInfo.InvariantCulture),
}).Build();
MqttOptions mqtt = MqttOptions.Parse(key => configuration[key]);
GatewayOptions options = GatewayOptions.Load(configuration, state, mqtt);
using ILoggerFactory loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("IotMinerAgent.Linux.Gateway.Fleet", LogLevel.Error));
await using SqliteDeviceLedger ledger = SqliteDeviceLedger.Open(options.SqlitePath, loggers.CreateLogger("ledger"));
await using var upstream = new StratumUpstream(options.Stratum, loggers.CreateLogger("upstream"));
await using var gateway = new GatewayInstance(options, mqtt, upstream, ledger, TimeProvider.System, loggers);
using var stopGateway = new CancellationTokenSource();
Task running = gateway.RunAsync(stopGateway.Token);
await gateway.Link.WaitConnectedAsync(CancellationToken.None);
while (gateway.Upstream.State != UpstreamState.Working)
{
    await Task.Delay(20);
}

Console.WriteLine($"gateway up; connecting {load.Devices} devices to 127.0.0.1:{load.Port} ...");
var devices = new List<LoadDevice>();
foreach (int[] batch in Enumerable.Range(0, load.Devices).Chunk(50))
{
    devices.AddRange((await Task.WhenAll(batch.Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", load.Port, $"load-{i:D5}"))))
        .Select(d => new LoadDevice(d, load.Rate)));
}

Console.WriteLine($"{devices.Count} devices connected; sending {load.Rate} share/s each for {load.Seconds} s ...");
using var stopDevices = new CancellationTokenSource(TimeSpan.FromSeconds(load.Seconds));
var clock = Stopwatch.StartNew();
long steadyFrom = Stopwatch.GetTimestamp() + (long)(Math.Min(10, load.Seconds / 3.0) * Stopwatch.Frequency);
long verdictsAtStart = gateway.Counters.VerdictsTotal;
await Task.WhenAll(devices.Select(d => d.RunAsync(stopDevices.Token)));
double sendSeconds = clock.Elapsed.TotalSeconds;
long verdictsAtEnd = gateway.Counters.VerdictsTotal;

int sent = devices.Sum(d => d.Device.SharesSent);
// Drain: every share sent should get its verdict; wait while verdicts keep coming (a loaded gateway may be behind).
var quiet = Stopwatch.StartNew();
for (int answered = 0, last = -1; answered < sent && quiet.Elapsed < TimeSpan.FromSeconds(10); last = answered)
{
    await Task.Delay(200);
    answered = devices.Sum(d => d.Device.Verdicts.Count(v => v.Latency is not null));
    if (answered != last)
    {
        quiet.Restart();
    }
}

List<ReceivedVerdict> verdicts = [.. devices.SelectMany(d => d.Device.Verdicts).Where(v => v.Latency is not null)];
List<double> latencies = [.. verdicts.Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
IReadOnlyList<DeviceTotals> totals = await ledger.ListDevicesAsync(CancellationToken.None);
long ledgerRows = totals.Sum(t => t.Shares + t.Rejects);
List<double> steady = [.. verdicts.Where(v => v.ReceivedAt >= steadyFrom && v.ReceivedAt <= steadyFrom + (long)((load.Seconds - Math.Min(10, load.Seconds / 3.0)) * Stopwatch.Frequency))
    .Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

Console.WriteLine($"""
    devices                  {load.Devices} × {load.Rate} share/s for {sendSeconds:0.0} s (machine: {Environment.ProcessorCount} cores)
    shares sent              {sent}
    verdicts received        {verdicts.Count} ({verdicts.Count(v => v.Verdict.IsAccepted)} accepted{string.Concat(verdicts.Where(v => !v.Verdict.IsAccepted).GroupBy(v => v.Verdict.Code).Select(g => $", {g.Key} {g.Count()}"))})
    ledger rows              {ledgerRows} ({totals.Sum(t => t.Shares)} credited, {totals.Sum(t => t.Rejects)} refused)
    lost                     {sent - verdicts.Count}
    validated shares/s       {(verdictsAtEnd - verdictsAtStart) / sendSeconds:0.0} (sustained over the sending window)
    share→verdict latency    p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):0.0} ms (all)
                             p50 {Percentile(steady, 0.50):0.0} ms, p99 {Percentile(steady, 0.99):0.0} ms (steady: after the first {Math.Min(10, load.Seconds / 3.0):0} s)
    upstream submissions     {pool.Submissions.Count} ({pool.Accepted.Count} accepted) at pool difficulty {PoolDifficulty}
    """);

foreach (LoadDevice device in devices)
{
    await device.Device.DisposeAsync();
}

await stopGateway.CancelAsync();
await running;
Directory.Delete(state, recursive: true);
return sent == verdicts.Count && ledgerRows == sent ? 0 : 1;

/// <summary>The benchmark's constants.</summary>
internal static partial class Program
{
    /// <summary>Device shares are at difficulty 1e-8, so about 1 in 100 also meets the pool and goes upstream.</summary>
    const double PoolDifficulty = 0.000001;
}
