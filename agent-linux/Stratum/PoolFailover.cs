using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Mqtt.Connection;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Which pool of the ordered list to use next. After <c>FailoverAfterFailures</c> consecutive failures it moves to the
/// next pool (wrapping round); while on a backup it asks for a probe of the primary every probe interval, and returns
/// to the primary when the probe succeeds. Pure logic: the caller does the connecting and the waiting.
/// </summary>
public sealed class PoolFailover
{
    private readonly IReadOnlyList<StratumPoolOptions> _pools;
    private readonly int _failoverAfter;
    private readonly TimeSpan _probeInterval;
    private readonly ReconnectBackoff _backoff;
    private int _failuresOnCurrent;
    private DateTimeOffset _lastProbe;

    /// <summary>Creates the failover state for <paramref name="options"/>, with <paramref name="random"/> for the jitter.</summary>
    public PoolFailover(StratumClientOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pools = options.Pools;
        _failoverAfter = options.FailoverAfterFailures;
        _probeInterval = options.PrimaryProbeInterval;
        _backoff = new ReconnectBackoff(options.BackoffInitial, options.BackoffMax, random);
    }

    /// <summary>Index of the pool to use, 0 being the primary.</summary>
    public int CurrentIndex { get; private set; }

    /// <summary>The pool to use.</summary>
    public StratumPoolOptions Current => _pools[CurrentIndex];

    /// <summary>True while a backup is in use.</summary>
    public bool OnBackup => CurrentIndex != 0;

    /// <summary>The current pool worked (subscribed and authorized): forget its failures.</summary>
    public void Succeeded(DateTimeOffset now)
    {
        _failuresOnCurrent = 0;
        _backoff.Reset();
        _lastProbe = now;
    }

    /// <summary>
    /// The current pool failed (refused, dropped, unauthorized, silent). Moves to the next pool after enough failures,
    /// and returns how long to wait before the next attempt.
    /// </summary>
    public TimeSpan Failed()
    {
        _failuresOnCurrent++;
        if (_pools.Count > 1 && _failuresOnCurrent >= _failoverAfter)
        {
            CurrentIndex = (CurrentIndex + 1) % _pools.Count;
            _failuresOnCurrent = 0;
        }

        return _backoff.NextDelay();
    }

    /// <summary>True when, on a backup, the primary has not been probed for a probe interval.</summary>
    public bool ShouldProbePrimary(DateTimeOffset now) => OnBackup && now - _lastProbe >= _probeInterval;

    /// <summary>Records a probe of the primary; when it succeeded, the primary becomes current again.</summary>
    public void Probed(bool primaryIsBack, DateTimeOffset now)
    {
        _lastProbe = now;
        if (primaryIsBack)
        {
            CurrentIndex = 0;
            _failuresOnCurrent = 0;
            _backoff.Reset();
        }
    }
}
