using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// A token bucket for one device's shares: <c>burst</c> tokens, refilled at <c>rate</c> per second. A share without a
/// token is refused before any hashing, so a flooding device costs a dictionary lookup per share, not a hash.
/// </summary>
public sealed class ShareRateLimiter
{
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <summary>A full bucket at <paramref name="now"/>.</summary>
    public ShareRateLimiter(double ratePerSecond, int burst, DateTimeOffset now)
    {
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _tokens = burst;
        _refilledAt = now;
    }

    /// <summary>Takes a token if there is one at <paramref name="now"/>.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        if (now > _refilledAt)
        {
            _tokens = Math.Min(_burst, _tokens + ((now - _refilledAt).TotalSeconds * _ratePerSecond));
            _refilledAt = now;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
