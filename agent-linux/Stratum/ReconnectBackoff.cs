using System;
using IotMinerAgent.Linux.Mqtt.Connection;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th consecutive failure waits a random time in [d/2, d] with
/// d = min(max, initial·2^(n-1)). The jitter keeps a fleet of boards from reconnecting to a pool in lockstep after an
/// outage; the random source is injectable so tests are reproducible.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;

    /// <summary>Creates a backoff from <paramref name="initial"/> doubling up to <paramref name="max"/>.</summary>
    public ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>Failures since the last success.</summary>
    public int Failures { get; private set; }

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        Failures++;
        double ceiling = Math.Min(_max.TotalMilliseconds, _initial.TotalMilliseconds * Math.Pow(2, Math.Min(Failures - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (_random.NextDouble() * ceiling / 2));
    }

    /// <summary>A success: the next failure starts again from the initial delay.</summary>
    public void Reset() => Failures = 0;
}
