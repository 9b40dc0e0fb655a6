using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Mining;

/// <summary>
/// <c>demo:shareDifficulty = auto</c>: the demo's share difficulty follows the measured hash rate so a share comes
/// about every 5 s, like a pool's vardiff; a new job carries the new difficulty at once.
/// </summary>
public sealed class DemoDifficultyTests
{
    readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-07T03:00:00Z"));
    long _hashes;

    [Theory]
    // 2 MH/s · 5 s = 10,000,000 hashes; / 2^32 = 0.0023283… → 0.0023 (two significant digits).
    [InlineData(2_000_000, Algorithms.Sha256d, "0.0023")]
    // 25 MH/s (one AVX-512 thread) · 5 s = 125,000,000; / 2^32 = 0.029103… → 0.029.
    [InlineData(25_000_000, Algorithms.Sha256d, "0.029")]
    // scrypt at 36.9 kH/s · 5 s = 184,500 hashes; scrypt pool difficulty 1 is 2^16 hashes: 2.8153… → 2.8.
    [InlineData(36_900, Algorithms.Scrypt, "2.8")]
    public void The_difficulty_for_a_hash_rate_gives_a_share_every_five_seconds(double hashesPerSecond, string algorithm, string expected)
    {
        Assert.Equal(Difficulty.Parse(expected), DemoDifficulty.ForHashrate(hashesPerSecond, algorithm));
    }

    [Fact]
    public void Auto_moves_only_when_the_measured_rate_is_off_by_more_than_a_factor_of_two_and_never_while_nothing_is_hashed()
    {
        DemoDifficulty auto = DemoDifficulty.Auto(Algorithms.Sha256d, () => _hashes, _clock);
        Assert.Equal(DemoDifficulty.Initial, auto.Current);

        // 1 MH/s for 10 s: ideal 5,000,000 / 2^32 = 0.0012, within a factor 2 of 0.001: the job stays.
        Run(10_000_000, 10);
        Assert.False(auto.Retarget());
        Assert.Equal(Difficulty.Parse("0.001"), auto.Current);

        // 25 MH/s for 10 s: ideal 0.029.
        Run(250_000_000, 10);
        Assert.True(auto.Retarget());
        Assert.Equal(Difficulty.Parse("0.029"), auto.Current);

        // Paused: nothing hashed, nothing measured.
        Run(0, 10);
        Assert.False(auto.Retarget());
        Assert.Equal(Difficulty.Parse("0.029"), auto.Current);

        // Throttled to 5 MH/s: ideal 25,000,000 / 2^32 = 0.0058.
        Run(50_000_000, 10);
        Assert.True(auto.Retarget());
        Assert.Equal(Difficulty.Parse("0.0058"), auto.Current);
    }

    [Fact]
    public void A_fixed_difficulty_never_moves()
    {
        DemoDifficulty owner = DemoDifficulty.Fixed(Difficulty.Parse("0.0002"));
        Assert.False(owner.Retarget());
        Assert.Equal(Difficulty.Parse("0.0002"), owner.Current);
    }

    [Fact]
    public async Task The_demo_posts_a_job_at_the_new_difficulty_at_the_first_look_that_moves_it()
    {
        var board = new JobBoard();
        var source = new DemoWorkSource(Algorithms.Sha256d, DemoDifficulty.Auto(Algorithms.Sha256d, () => _hashes, _clock), TimeSpan.FromSeconds(3600), _clock);
        using var stop = new CancellationTokenSource();
        Task running = source.RunAsync(board, stop.Token);
        Assert.Equal(DemoDifficulty.Initial, board.Current!.Job.ShareDifficulty);
        MiningJob first = board.Current.Job;

        // 25 MH/s over the first 10 s: the next tick after the look posts a job at 0.029 (well before the hour's job).
        _hashes = 250_000_000;
        for (int s = 0; s < 10 && ReferenceEquals(board.Current!.Job, first); s++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await WaitAsync(() => !ReferenceEquals(board.Current!.Job, first));
        Assert.Equal(Difficulty.Parse("0.029"), board.Current!.Job.ShareDifficulty);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    void Run(long hashes, int seconds)
    {
        _hashes += hashes;
        _clock.Advance(TimeSpan.FromSeconds(seconds));
    }

    static async Task WaitAsync(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the demo posted no new job");
    }
}
