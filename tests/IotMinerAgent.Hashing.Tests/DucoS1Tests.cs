using System;
using CsCheck;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Hashing.Tests;

public class DucoS1Tests
{
    private readonly DucoS1ScalarScanner _scalar = new();

    [Fact]
    public void Scalar_scanner_finds_exactly_the_published_nonce_in_the_nonces_around_it()
    {
        // Solve_returns_the_published_nonce covers the nonces before it; a window keeps the Debug test run short.
        var (work, nonce) = DucoS1Reference.PublishedVector();
        Assert.Equal(new[] { nonce }, DucoS1Reference.Scan(_scalar, work, nonce - 10_000, 20_000));
    }

    [Fact]
    public void Solve_returns_the_published_nonce()
    {
        var (work, nonce) = DucoS1Reference.PublishedVector();
        Assert.Equal(nonce, DucoS1.Solve(work));
    }

    [Fact]
    public void Solve_returns_minus_one_when_no_nonce_of_the_job_matches()
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(3));
        var work = new DucoWork(lastHash, DucoS1Reference.Digest(lastHash, 1001), 10);
        Assert.Equal(-1, DucoS1.Solve(work));
    }

    [Fact]
    public void Hash_equals_the_platform_sha1_of_the_concatenated_text()
    {
        Assert.Equal(DucoS1Reference.Digest("abc", 4294967295), DucoS1.Hash("abc", 4294967295));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(45)]
    [InlineData(47)]
    [InlineData(55)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(118)]
    public void Scalar_scanner_equals_brute_force_across_digit_count_boundaries(int lastHashLength)
    {
        var random = new Random(lastHashLength);
        string lastHash = DucoS1Reference.RandomLastHash(random, lastHashLength);
        uint[][] ranges = { new uint[] { 0, 120 }, new uint[] { 990, 30 }, new uint[] { 9999990, 20 }, new uint[] { 999999990, 20 } };
        foreach (uint[] range in ranges)
        {
            uint chosen = range[0] + (uint)random.Next((int)range[1]);
            var work = new DucoWork(lastHash, DucoS1Reference.Digest(lastHash, chosen), 1);
            Assert.Equal(DucoS1Reference.Hits(lastHash, DucoS1.Hash(lastHash, chosen), range[0], range[1]), DucoS1Reference.Scan(_scalar, work, range[0], range[1]));
            Assert.Contains(chosen, DucoS1Reference.Scan(_scalar, work, range[0], range[1]));
        }
    }

    [Fact]
    public void Scalar_scanner_reaches_the_last_32_bit_nonce()
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(5));
        var work = new DucoWork(lastHash, DucoS1Reference.Digest(lastHash, uint.MaxValue), 1);
        Assert.Equal(new[] { uint.MaxValue }, DucoS1Reference.Scan(_scalar, work, uint.MaxValue - 20, 21));
    }

    [Fact]
    public void Scalar_scanner_equals_brute_force_on_random_jobs()
    {
        Gen.Select(Gen.UInt[0, 4_000_000_000], Gen.Int[1, 150], Gen.Int[0, 1_000_000]).Sample((first, count, seed) =>
        {
            var random = new Random(seed);
            string lastHash = DucoS1Reference.RandomLastHash(random);
            uint chosen = first + (uint)random.Next(count);
            var work = new DucoWork(lastHash, DucoS1Reference.Digest(lastHash, chosen), 1);
            Assert.Equal(new[] { chosen }, DucoS1Reference.Scan(_scalar, work, first, (ulong)count));
        }, iter: 40);
    }

    [Fact]
    public void Scan_of_no_nonces_reports_nothing()
    {
        var (work, _) = DucoS1Reference.PublishedVector();
        Assert.Empty(DucoS1Reference.Scan(_scalar, work, 175514, 0));
    }

    [Fact]
    public void Scan_rejects_a_range_past_2_to_the_32()
    {
        var (work, _) = DucoS1Reference.PublishedVector();
        Assert.Throws<ArgumentOutOfRangeException>(() => _scalar.Scan(work, uint.MaxValue, 2, new NonceHits()));
    }

    [Fact]
    public void Scan_rejects_header_work_naming_the_problem()
    {
        var header = new HeaderWork(Algorithms.Sha256d, new byte[80], new Target(new uint[8]));
        var error = Assert.Throws<ArgumentException>(() => _scalar.Scan(header, 0, 1, new NonceHits()));
        Assert.Contains("DucoWork", error.Message);
    }

    [Fact]
    public void Scan_rejects_a_last_hash_that_is_not_ascii()
    {
        var work = new DucoWork("é", new byte[20], 1);
        Assert.Throws<ArgumentException>(() => _scalar.Scan(work, 0, 1, new NonceHits()));
    }
}
