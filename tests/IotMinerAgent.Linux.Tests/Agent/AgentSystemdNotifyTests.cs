using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Service;
using IotMinerAgent.Linux.Tests.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>The real agent host under a systemd-like supervisor: sd_notify over a datagram socket the test owns.</summary>
[Collection(RealMiningCollection.Name)]
public sealed class AgentSystemdNotifyTests : IDisposable
{
    private static readonly TimeSpan WatchdogTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(3);
    private readonly string _state = Directory.CreateTempSubdirectory("iotminer-notify-").FullName;

    [Fact]
    public async Task Agent_sends_ready_status_and_watchdog_and_stops_the_watchdog_when_a_worker_hangs()
    {
        using var systemd = NotifySocketListener.AtPath();
        using var engine = new HangingEngine(EngineCatalog.Fastest(Algorithms.Sha256d));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Task<int> agent = AgentHost.RunAsync(null, Overrides(), TextWriter.Null, new StringWriter(), services =>
        {
            services.Replace(ServiceDescriptor.Singleton(new SystemdNotifier(systemd.NotifySocket)));
            services.Replace(ServiceDescriptor.Singleton(new ServiceWatchdogOptions { WatchdogTimeout = WatchdogTimeout, StallAfter = StallAfter, StatusInterval = TimeSpan.FromSeconds(1) }));
            services.Replace(ServiceDescriptor.Singleton(new MiningRuntime(Algorithms.Sha256d, engine, 1)));
        }, stop.Token);

        systemd.WaitFor("READY", v => v == "1", TimeSpan.FromSeconds(60));
        Notification status = systemd.WaitFor("STATUS", v => v.Contains("H/s") && !v.Contains(" 0 accepted"), TimeSpan.FromSeconds(60));
        Assert.Contains("pool demo — not earning", status.Value);
        Notification[] beats = systemd.WaitForCount("WATCHDOG", 3, TimeSpan.FromSeconds(30));
        Assert.All(beats, b => Assert.Equal("1", b.Value));

        engine.Hang();
        TimeSpan hungAt = systemd.Now;
        await Task.Delay(StallAfter + WatchdogTimeout + TimeSpan.FromSeconds(3));
        TimeSpan quietFrom = hungAt + StallAfter + WatchdogTimeout;
        Assert.DoesNotContain(systemd.Of("WATCHDOG"), n => n.At > quietFrom);

        engine.Release();
        systemd.WaitFor("WATCHDOG", v => v == "1", TimeSpan.FromSeconds(30), since: systemd.Now);
        stop.Cancel();
        Assert.Equal(0, await agent);
    }

    private string[] Overrides() =>
    [
        "--consent=true",
        $"--stateDirectory={_state}",
        "--mqtt:enabled=false",
        "--mining:threads=1",
        "--governor:idleOnly=false",
        "--governor:noSensorDutyPercent=100",
        "--demo:shareDifficulty=0.0002",
    ];

    public void Dispose() => Directory.Delete(_state, recursive: true);

    /// <summary>A real engine that can be made to hang inside Scan, as a stuck worker would.</summary>
    private sealed class HangingEngine(INonceScanner inner) : INonceScanner, IDisposable
    {
        private readonly ManualResetEventSlim _released = new(initialState: true);

        public string Name => inner.Name;

        public string Algorithm => inner.Algorithm;

        public int Lanes => inner.Lanes;

        public void Hang() => _released.Reset();

        public void Release() => _released.Set();

        public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        {
            _released.Wait();
            inner.Scan(work, firstNonce, count, hits);
        }

        public void Dispose()
        {
            _released.Set();
            _released.Dispose();
        }
    }
}
