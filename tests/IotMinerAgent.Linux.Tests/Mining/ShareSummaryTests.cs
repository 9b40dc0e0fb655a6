using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Tests.Stratum;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Mining;

/// <summary>
/// Accepted shares on a fake clock: one line each while they are rare, one summary per 10 s interval when they come
/// fast, and every share counted in exactly one line.
/// </summary>
public sealed class ShareSummaryTests
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-07T03:00:00Z"));
    readonly CapturingLogger _log = new();

    [Fact]
    public void At_one_share_per_interval_each_share_is_its_own_line_at_once_and_no_summary_follows()
    {
        using var summary = new ShareSummary(_log, _clock, Interval);
        for (int i = 0; i < 3; i++)
        {
            summary.Accepted(Share(0.002 * (i + 1)));
            Assert.Equal(i + 1, _log.Entries.Count);
            Assert.Matches(@"^Share [0-9a-f-]{36} accepted: job j1 nonce 0000000\d difficulty 0\.00[246]$", _log.Entries[i].Message);
            _clock.Advance(Interval);
        }

        Assert.Equal(3, _log.Entries.Count);
    }

    [Fact]
    public void Twelve_shares_in_an_interval_after_a_quiet_one_are_the_first_alone_and_eleven_more_in_one_summary()
    {
        using var summary = new ShareSummary(_log, _clock, Interval);
        // Twelve shares 0.5 s apart in the first interval: difficulties 0.01, 0.02, … 0.12; the first is shown alone,
        // so the summary counts the other eleven and their best, 0.12.
        for (int i = 1; i <= 12; i++)
        {
            summary.Accepted(Share(0.01 * i));
            _clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Single(_log.Entries);
        _clock.Advance(Interval - TimeSpan.FromSeconds(6));

        Assert.Equal(2, _log.Entries.Count);
        Assert.Equal("11 more shares accepted in the last 10 s, best difficulty 0.12", _log.Entries[1].Message);
        Assert.All(_log.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
    }

    [Fact]
    public void After_a_busy_interval_every_share_goes_into_the_summary_until_an_interval_is_quiet_again()
    {
        using var summary = new ShareSummary(_log, _clock, Interval);
        AcceptMany(summary, 5, 0.1);
        _clock.Advance(Interval);
        int afterFirst = _log.Entries.Count;

        // Second interval: busy before, so even its first share waits for the summary; 7 shares, best 0.7.
        AcceptMany(summary, 7, 0.1);
        Assert.Equal(afterFirst, _log.Entries.Count);
        _clock.Advance(Interval);
        Assert.Equal("7 shares accepted in the last 10 s, best difficulty 0.7", _log.Entries.Last().Message);

        // Third interval: nothing. Fourth: one share, shown alone again because the interval before was quiet.
        _clock.Advance(Interval);
        Assert.Equal(afterFirst + 1, _log.Entries.Count);
        _clock.Advance(TimeSpan.FromSeconds(3));
        summary.Accepted(Share(0.25));
        Assert.Matches(@"^Share .* accepted: .* difficulty 0\.25$", _log.Entries.Last().Message);
    }

    [Fact]
    public void A_single_share_left_at_the_end_of_a_busy_run_gets_its_own_line_not_a_summary_of_one()
    {
        using var summary = new ShareSummary(_log, _clock, Interval);
        AcceptMany(summary, 3, 0.01);
        _clock.Advance(Interval);
        int before = _log.Entries.Count;

        // Busy before, so the share waits for the end of the interval, and is then shown as itself.
        summary.Accepted(Share(0.5));
        Assert.Equal(before, _log.Entries.Count);
        _clock.Advance(Interval);
        Assert.Matches(@"^Share [0-9a-f-]{36} accepted: job j1 nonce 0000000\d difficulty 0\.5$", _log.Entries.Last().Message);
        Assert.Equal(before + 1, _log.Entries.Count);
    }

    [Fact]
    public void Stopping_mid_interval_summarises_what_is_left_over_the_seconds_it_covers()
    {
        var summary = new ShareSummary(_log, _clock, Interval);
        AcceptMany(summary, 3, 0.01);
        _clock.Advance(Interval);
        AcceptMany(summary, 4, 0.01);
        _clock.Advance(TimeSpan.FromSeconds(4));

        summary.Dispose();

        Assert.Equal("4 shares accepted in the last 4 s, best difficulty 0.04", _log.Entries.Last().Message);
        int count = _log.Entries.Count;
        _clock.Advance(Interval * 3);
        Assert.Equal(count, _log.Entries.Count);
    }

    [Fact]
    public async Task Shares_accepted_from_many_threads_are_each_counted_once()
    {
        var summary = new ShareSummary(_log, _clock, Interval);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AcceptMany(summary, 250, 0.001))));
        summary.Dispose();

        // 1000 shares: the first alone, then "999 more".
        Assert.Equal(2, _log.Entries.Count);
        Assert.StartsWith("999 more shares accepted in the last 1 s", _log.Entries[1].Message);
    }

    static void AcceptMany(ShareSummary summary, int count, double step)
    {
        for (int i = 1; i <= count; i++)
        {
            summary.Accepted(Share(step * i));
        }
    }

    static int _nonce;

    static FoundShare Share(double difficulty)
    {
        uint nonce = (uint)(Interlocked.Increment(ref _nonce) % 10);
        return new FoundShare(Guid.CreateVersion7().ToString("D"), Job, [0, 0, 0, 1], nonce, new byte[32], difficulty, DateTimeOffset.UnixEpoch);
    }

    static readonly MiningJob Job = new TestJob
    {
        JobId = "j1",
        WorkKey = "j1",
        Algorithm = Algorithms.Sha256d,
        ShareDifficulty = Difficulty.FromInteger(1),
        Extranonce2Space = 1UL << 32,
    };

    sealed class TestJob : MiningJob
    {
        public override string NtimeHex => "00000000";

        public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes) => throw new NotSupportedException("never mined");

        public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken) => throw new NotSupportedException("never submitted");
    }
}
