using System;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// Reconnect delays: exponential from <c>min</c> to <c>max</c> with "equal jitter" (half the step fixed, half random;
/// AWS Architecture Blog, "Exponential Backoff And Jitter", 2015) so a fleet restarted by one broker outage does not
/// reconnect in lockstep, while no delay collapses to zero.
/// </summary>
public sealed class ReconnectBackoff
{
    readonly TimeSpan _min;
    readonly TimeSpan _max;
    readonly Random _random;
    int _attempt;

    /// <summary>Creates a backoff; <paramref name="random"/> makes it deterministic in tests.</summary>
    public ReconnectBackoff(TimeSpan min, TimeSpan max, Random? random = null)
    {
        if (min <= TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"backoff needs 0 < min <= max, got min {min} and max {max}");
        }

        _min = min;
        _max = max;
        _random = random ?? Random.Shared;
    }

    /// <summary>The delay before the next attempt; each call doubles the step until <c>max</c>.</summary>
    public TimeSpan Next()
    {
        double step = Math.Min(_max.TotalMilliseconds, _min.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        double half = step / 2;
        return TimeSpan.FromMilliseconds(half + (_random.NextDouble() * half));
    }

    /// <summary>Starts again from <c>min</c> (after a successful connection).</summary>
    public void Reset() => _attempt = 0;
}
