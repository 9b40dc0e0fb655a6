using System;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>The vardiff against simulated devices whose shares arrive as a Poisson process at their true hash rate.</summary>
public class DeviceVardiffTests
{
    [Theory]
    [InlineData(Algorithms.Sha256d, 150_000.0, 0.0)]
    [InlineData(Algorithms.Sha256d, 150_000.0, 5e9)]
    [InlineData(Algorithms.Sha256d, 4e8, 1000.0)]
    [InlineData(Algorithms.Scrypt, 90.0, 0.0)]
    public void Converges_toward_one_share_per_interval_whatever_the_device_claimed(string algorithm, double trueHashRate, double reported)
    {
        var options = new FleetOptions { MinDifficulty = 1e-9, MaxDifficulty = 1e9, ShareIntervalSeconds = 10 };
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var vardiff = new DeviceVardiff(options, algorithm, reported, now);
        var random = new Random(42);
        double hashesPerDifficulty = DifficultyScale.HashesPerDifficulty(algorithm);
        var intervals = new System.Collections.Generic.List<double>();

        for (int share = 0; share < 400; share++)
        {
            // Time to the next share at this difficulty: exponential with mean d · hashes-per-difficulty / rate.
            double mean = vardiff.Difficulty * hashesPerDifficulty / trueHashRate;
            double wait = -mean * Math.Log(1 - random.NextDouble());
            now = now.AddSeconds(wait);
            if (share >= 200)
            {
                intervals.Add(mean);
            }

            vardiff.OnShare(vardiff.Difficulty, now);
        }

        // After convergence the expected interval stays within a factor of two of the aim.
        Assert.InRange(intervals.Average(), 5.0, 20.0);
        Assert.InRange(vardiff.ImpliedHashRate, trueHashRate / 3, trueHashRate * 3);
    }

    [Fact]
    public void A_quiet_device_is_lowered_at_most_fourfold_per_window_and_never_below_the_minimum()
    {
        var options = new FleetOptions { MinDifficulty = 0.001, ShareIntervalSeconds = 10 };
        var now = DateTimeOffset.UnixEpoch;
        var vardiff = new DeviceVardiff(options, Algorithms.Sha256d, 1e9, now);
        double start = vardiff.Difficulty;

        Assert.False(vardiff.OnIdle(now.AddSeconds(39)));
        Assert.True(vardiff.OnIdle(now.AddSeconds(40)));
        Assert.Equal(start / 4, vardiff.Difficulty, start * 1e-12);
        for (int i = 2; i < 40; i++)
        {
            vardiff.OnIdle(now.AddSeconds(40 * i));
        }

        Assert.Equal(options.MinDifficulty, vardiff.Difficulty);
    }

    [Fact]
    public void The_initial_difficulty_follows_the_reported_hash_rate_within_the_clamps()
    {
        var options = new FleetOptions { MinDifficulty = 0.01, MaxDifficulty = 100, ShareIntervalSeconds = 10 };
        double perDifficulty = DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);

        Assert.Equal(1e8 * 10 / perDifficulty, new DeviceVardiff(options, Algorithms.Sha256d, 1e8, DateTimeOffset.UnixEpoch).Difficulty, 1e-12);
        Assert.Equal(0.01, new DeviceVardiff(options, Algorithms.Sha256d, 10, DateTimeOffset.UnixEpoch).Difficulty);
        Assert.Equal(100, new DeviceVardiff(options, Algorithms.Sha256d, 1e15, DateTimeOffset.UnixEpoch).Difficulty);
    }

    [Fact]
    public void A_queue_overflow_doubles_the_difficulty_once_per_share_interval_up_to_the_maximum()
    {
        var options = new FleetOptions { MinDifficulty = 1e-6, MaxDifficulty = 3e-6, ShareIntervalSeconds = 10 };
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var vardiff = new DeviceVardiff(options, Algorithms.Sha256d, 0, now);

        // 1e-6 (the minimum, no reported rate) doubles to 2e-6; a burst of overflows in the same interval is one step.
        Assert.True(vardiff.OnOverflow(now));
        Assert.Equal(2e-6, vardiff.Difficulty, 12);
        Assert.False(vardiff.OnOverflow(now.AddSeconds(9.9)));
        Assert.Equal(2e-6, vardiff.Difficulty, 12);

        // The next interval: 4e-6 would pass the maximum, so 3e-6; then it stays.
        Assert.True(vardiff.OnOverflow(now.AddSeconds(10)));
        Assert.Equal(3e-6, vardiff.Difficulty, 12);
        Assert.False(vardiff.OnOverflow(now.AddSeconds(30)));
    }

    [Fact]
    public void A_pace_cut_raises_the_difficulty_at_once_and_the_retarget_brings_it_back_when_the_pace_recovers()
    {
        // A device of 0.001 · hashes-per-difficulty H/s aims at difficulty 0.001 · 10 = 0.01 (one share per 10 s).
        var options = new FleetOptions { MinDifficulty = 1e-6, MaxDifficulty = 100, ShareIntervalSeconds = 10 };
        double hashRate = 0.001 * DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        var vardiff = new DeviceVardiff(options, Algorithms.Sha256d, hashRate, now);
        Assert.Equal(0.01, vardiff.Difficulty, 12);

        // Pace 0.5: one share per 20 s, so difficulty 0.02 at once; the same pace again changes nothing.
        Assert.True(vardiff.OnPace(0.5, now));
        Assert.Equal(0.02, vardiff.Difficulty, 12);
        Assert.Equal(hashRate, vardiff.ImpliedHashRate, hashRate * 1e-12);
        Assert.False(vardiff.OnPace(0.5, now.AddSeconds(1)));

        // Still 0.5: six shares of 0.02 every 20 s (this device's rate) prove 0.12 in 120 s → 0.12 · 20 / 120 = 0.02.
        for (int share = 1; share <= 6; share++)
        {
            Assert.False(vardiff.OnShare(0.02, now.AddSeconds(20 * share)));
        }

        // The pace back at 1: no jump down, but the next six shares prove 0.12 in 120 s → 0.12 · 10 / 120 = 0.01.
        now = now.AddSeconds(120);
        Assert.False(vardiff.OnPace(1, now));
        Assert.Equal(0.02, vardiff.Difficulty, 12);
        for (int share = 1; share <= 5; share++)
        {
            Assert.False(vardiff.OnShare(0.02, now.AddSeconds(20 * share)));
        }

        Assert.True(vardiff.OnShare(0.02, now.AddSeconds(120)));
        Assert.Equal(0.01, vardiff.Difficulty, 12);
    }

    [Fact]
    public void A_pace_cut_stops_at_the_maximum_difficulty()
    {
        var options = new FleetOptions { MinDifficulty = 1e-6, MaxDifficulty = 0.015, ShareIntervalSeconds = 10 };
        double hashRate = 0.001 * DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);
        var vardiff = new DeviceVardiff(options, Algorithms.Sha256d, hashRate, DateTimeOffset.UnixEpoch);

        // 0.01 · 2 = 0.02 is over the maximum: 0.015; a further cut cannot raise it.
        Assert.True(vardiff.OnPace(0.5, DateTimeOffset.UnixEpoch));
        Assert.Equal(0.015, vardiff.Difficulty, 12);
        Assert.False(vardiff.OnPace(0.25, DateTimeOffset.UnixEpoch.AddSeconds(20)));
    }
}
