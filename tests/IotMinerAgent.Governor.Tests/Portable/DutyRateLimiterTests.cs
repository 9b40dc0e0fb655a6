using CsCheck;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class DutyRateLimiterTests
{
    [Fact]
    public void Ramps_at_the_configured_rate_in_both_directions()
    {
        var limiter = new DutyRateLimiter(percentPerSecond: 5);
        limiter.Reset(100_000);

        Assert.Equal(150_000, limiter.Step(1_000_000, 1000));
        Assert.Equal(155_000, limiter.Step(1_000_000, 100));
        Assert.Equal(105_000, limiter.Step(0, 1000));
        Assert.Equal(100_000, limiter.Step(100_000, 5000));
    }

    [Fact]
    public void Never_moves_faster_than_the_rate_and_always_towards_the_target()
    {
        Gen.Select(Gen.Int[1, 100], Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 3000]).Array[1, 100])
            .Sample((rate, steps) =>
            {
                var limiter = new DutyRateLimiter(rate);
                foreach ((int target, int elapsedMs) in steps)
                {
                    int before = limiter.CurrentPpm;
                    int after = limiter.Step(target, elapsedMs);
                    Assert.True(System.Math.Abs(after - before) <= (long)rate * 10 * elapsedMs);
                    Assert.True(System.Math.Abs(target - after) <= System.Math.Abs(target - before));
                }
            });
    }

    [Fact]
    public void Rejects_a_rate_below_one_percent_per_second()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new DutyRateLimiter(0));
    }
}
