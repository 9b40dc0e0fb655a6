using System;
using System.Linq;
using IotMinerAgent.Linux.Stratum;

namespace IotMinerAgent.Linux.Tests.Stratum;

public class PoolFailoverTests
{
    [Fact]
    public void Backoff_doubles_within_jitter_bounds_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));

        double[] delays = Enumerable.Range(0, 10).Select(_ => backoff.NextDelay().TotalSeconds).ToArray();

        for (int i = 0; i < delays.Length; i++)
        {
            double ceiling = Math.Min(30, Math.Pow(2, i));
            Assert.InRange(delays[i], ceiling / 2, ceiling);
        }

        Assert.True(delays.Distinct().Count() > 5, "jitter must vary the delays");
        backoff.Reset();
        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.5, 1);
    }

    [Fact]
    public void Backoff_with_the_same_seed_repeats_and_with_another_seed_differs()
    {
        double[] Run(int seed)
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(seed));
            return Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalMilliseconds).ToArray();
        }

        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void Fails_over_after_the_configured_failures_and_wraps_round()
    {
        PoolFailover failover = Create(pools: 3, failoverAfter: 2);

        failover.Failed();
        Assert.Equal(0, failover.CurrentIndex);
        failover.Failed();
        Assert.Equal(1, failover.CurrentIndex);
        failover.Failed();
        failover.Failed();
        Assert.Equal(2, failover.CurrentIndex);
        failover.Failed();
        failover.Failed();
        Assert.Equal(0, failover.CurrentIndex);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        PoolFailover failover = Create(pools: 2, failoverAfter: 2);
        failover.Failed();
        failover.Succeeded(DateTimeOffset.UnixEpoch);
        failover.Failed();
        Assert.Equal(0, failover.CurrentIndex);
    }

    [Fact]
    public void Probes_the_primary_only_on_a_backup_and_only_every_interval_then_returns()
    {
        PoolFailover failover = Create(pools: 2, failoverAfter: 1);
        DateTimeOffset t0 = DateTimeOffset.UnixEpoch;
        Assert.False(failover.ShouldProbePrimary(t0.AddHours(1)));

        failover.Failed();
        failover.Succeeded(t0);
        Assert.True(failover.OnBackup);
        Assert.False(failover.ShouldProbePrimary(t0.AddSeconds(59)));
        Assert.True(failover.ShouldProbePrimary(t0.AddSeconds(60)));

        failover.Probed(primaryIsBack: false, t0.AddSeconds(60));
        Assert.False(failover.ShouldProbePrimary(t0.AddSeconds(100)));
        Assert.Equal(1, failover.CurrentIndex);

        failover.Probed(primaryIsBack: true, t0.AddSeconds(120));
        Assert.Equal(0, failover.CurrentIndex);
        Assert.False(failover.ShouldProbePrimary(t0.AddHours(1)));
    }

    [Fact]
    public void A_single_pool_never_fails_over()
    {
        PoolFailover failover = Create(pools: 1, failoverAfter: 1);
        for (int i = 0; i < 5; i++)
        {
            failover.Failed();
        }

        Assert.Equal(0, failover.CurrentIndex);
    }

    private static PoolFailover Create(int pools, int failoverAfter)
    {
        var options = new StratumClientOptions
        {
            FailoverAfterFailures = failoverAfter,
            PrimaryProbeInterval = TimeSpan.FromSeconds(60),
        };
        for (int i = 0; i < pools; i++)
        {
            options.Pools.Add(new StratumPoolOptions { Url = $"stratum+tcp://pool{i}:3333", User = "u" });
        }

        return new PoolFailover(options, new Random(1));
    }
}
