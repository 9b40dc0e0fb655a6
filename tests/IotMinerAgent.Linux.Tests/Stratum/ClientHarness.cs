using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.StratumTestPool;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>A client running against test pools, with a log, quick timeouts and (optionally) a test miner.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TestPool> _pools;
    private Task? _run;

    public ClientHarness(IEnumerable<TestPool> pools, Action<StratumClientOptions>? configure = null)
    {
        _pools = pools.ToList();
        Options = new StratumClientOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ResponseTimeout = TimeSpan.FromSeconds(10),
            NoJobTimeout = TimeSpan.FromSeconds(60),
            BackoffInitial = TimeSpan.FromMilliseconds(100),
            BackoffMax = TimeSpan.FromMilliseconds(400),
            FailoverAfterFailures = 2,
            PrimaryProbeInterval = TimeSpan.FromMilliseconds(300),
            SuggestDifficulty = 0.5,
        };
        foreach (TestPool pool in _pools)
        {
            Options.Pools.Add(new StratumPoolOptions { Url = pool.Url, User = "wallet.rig1", Password = "x" });
        }

        configure?.Invoke(Options);
        Client = new StratumClient(Options, Log, random: new Random(99));
    }

    public ClientHarness(TestPool pool, Action<StratumClientOptions>? configure = null)
        : this(new[] { pool }, configure)
    {
    }

    public StratumClientOptions Options { get; }

    public CapturingLogger Log { get; } = new();

    public StratumClient Client { get; }

    public TestMiner? Miner { get; private set; }

    public ClientHarness Start(bool mine = true)
    {
        _run = Task.Run(() => Client.RunAsync(_stop.Token));
        if (mine)
        {
            Miner = new TestMiner(Client);
        }

        return this;
    }

    /// <summary>Log lines at warning or above that the test did not expect.</summary>
    public IEnumerable<string> Warnings => Log.AtLeast(LogLevel.Warning);

    /// <summary>Every pool saw only well-formed client lines.</summary>
    public void AssertNoProtocolErrors()
    {
        foreach (TestPool pool in _pools)
        {
            Assert.Empty(pool.ProtocolErrors);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Miner is not null)
        {
            await Miner.DisposeAsync();
        }

        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(20));
        }

        await Client.DisposeAsync();
        _stop.Dispose();
    }
}
