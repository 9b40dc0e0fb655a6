using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using CsCheck;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Hashing.Tests.Engines;

/// <summary>
/// Every DUCO-S1 engine this CPU and runtime can run, the scalar scanner included, against
/// <see cref="DucoS1Reference"/> (the platform's SHA-1 over "last hash + decimal nonce", no product code) and the
/// published vector. tests/scripts/engine-matrix.sh reruns them with the SIMD engines turned off: the scalar scanner
/// is then the only engine, and it is still checked.
/// </summary>
public class DucoS1EngineTests
{
    [Fact]
    public void The_engine_list_holds_the_scalar_scanner_and_a_vector_engine_whenever_vectors_are_accelerated()
    {
        IReadOnlyList<INonceScanner> engines = Engines();

        Assert.Equal("scalar", engines[^1].Name);
        Assert.IsType<DucoS1ScalarScanner>(engines[^1]);
        Assert.Equal(Vector128.IsHardwareAccelerated, engines.Any(engine => engine.Lanes == 4));
        Assert.Equal(Vector256.IsHardwareAccelerated, engines.Any(engine => engine.Lanes == 8));
    }

    [Fact]
    public void Every_engine_finds_exactly_the_published_nonce_in_the_nonces_around_it()
    {
        var (work, nonce) = DucoS1Reference.PublishedVector();
        foreach (INonceScanner engine in Engines())
        {
            AssertHits(new[] { nonce }, engine, DucoS1Reference.Scan(engine, work, nonce - 10_003, 20_000));
        }
    }

    [Theory]
    [InlineData(0u, 40ul)] // 9 → 10
    [InlineData(90u, 40ul)] // 99 → 100
    [InlineData(995u, 37ul)] // 999 → 1000
    [InlineData(999_990u, 45ul)] // 999999 → 1000000
    [InlineData(9_999_980u, 53ul)] // 9999999 → 10000000
    [InlineData(999_999_990u, 30ul)] // 999999999 → 1000000000
    [InlineData(4_294_967_246u, 50ul)] // the range ends at 2^32
    public void Every_engine_equals_the_platform_sha1_across_a_digit_count_boundary(uint first, ulong count)
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random((int)first));
        for (ulong offset = 0; offset < count; offset += 3)
        {
            AssertEnginesEqualReference(JobSolvedBy(lastHash, first + (uint)offset), first, count);
        }
    }

    [Fact]
    public void Every_engine_equals_the_platform_sha1_on_ranges_that_do_not_fill_the_lanes()
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(17));
        for (ulong count = 1; count <= 35; count++)
        {
            uint first = 123_456;
            AssertEnginesEqualReference(JobSolvedBy(lastHash, first + (uint)count - 1), first, count);
        }
    }

    [Fact]
    public void Every_engine_reports_a_hit_in_lane_0_and_in_the_last_lane()
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(23));
        foreach (INonceScanner engine in Engines())
        {
            uint first = 5_000_000;
            uint lanes = (uint)engine.Lanes;
            foreach (uint nonce in new[] { first, first + lanes, first + (2 * lanes) - 1 })
            {
                AssertHits(new[] { nonce }, engine, DucoS1Reference.Scan(engine, JobSolvedBy(lastHash, nonce), first, 3 * lanes));
            }
        }
    }

    [Fact]
    public void Every_engine_reports_a_hit_in_a_batch_that_crosses_a_hundred()
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(29));
        foreach (uint nonce in new uint[] { 199, 200, 201, 1_234_599, 1_234_600, 1_234_605 })
        {
            AssertEnginesEqualReference(JobSolvedBy(lastHash, nonce), nonce - 3, 16);
        }
    }

    [Fact]
    public void Every_engine_reports_nothing_when_no_nonce_matches()
    {
        byte[] expected = new byte[20];
        new Random(31).NextBytes(expected);
        var work = new DucoWork(DucoS1Reference.RandomLastHash(new Random(37)), expected, 100);
        foreach (INonceScanner engine in Engines())
        {
            AssertHits(Array.Empty<uint>(), engine, DucoS1Reference.Scan(engine, work, 0, work.NonceCount));
        }
    }

    [Fact]
    public void Every_engine_rejects_a_nonce_whose_digest_matches_only_in_its_last_word()
    {
        // The engines decide on the digest's last word four rounds early; the other sixteen bytes must still count.
        string lastHash = DucoS1Reference.RandomLastHash(new Random(41));
        byte[] expected = DucoS1Reference.Digest(lastHash, 777_777);
        expected[0] ^= 1;
        var work = new DucoWork(lastHash, expected, 1);
        foreach (INonceScanner engine in Engines())
        {
            AssertHits(Array.Empty<uint>(), engine, DucoS1Reference.Scan(engine, work, 777_700, 160));
        }
    }

    [Theory]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(64)]
    public void Every_engine_equals_the_platform_sha1_for_a_last_hash_that_is_not_40_characters(int length)
    {
        string lastHash = DucoS1Reference.RandomLastHash(new Random(length), length);
        AssertEnginesEqualReference(JobSolvedBy(lastHash, 99_999), 99_990, 40);
    }

    [Fact]
    public void Every_engine_equals_the_platform_sha1_on_random_jobs()
    {
        Gen.Select(Gen.UInt[0, 4_294_000_000], Gen.Int[1, 200], Gen.Int[0, 1_000_000]).Sample((first, count, seed) =>
        {
            var random = new Random(seed);
            uint chosen = first + (uint)random.Next(count);
            AssertEnginesEqualReference(JobSolvedBy(DucoS1Reference.RandomLastHash(random), chosen), first, (ulong)count);
        }, iter: 60);
    }

    [Fact]
    public void Every_engine_rejects_header_work_and_ranges_past_2_to_the_32()
    {
        var (work, _) = DucoS1Reference.PublishedVector();
        var header = new HeaderWork(Algorithms.Sha256d, new byte[80], new Target(new uint[8]));
        foreach (INonceScanner engine in Engines())
        {
            Assert.Equal(Algorithms.DucoS1, engine.Algorithm);
            Assert.Throws<ArgumentException>(() => engine.Scan(header, 0, 16, new NonceHits()));
            Assert.Throws<ArgumentOutOfRangeException>(() => engine.Scan(work, uint.MaxValue - 15, 17, new NonceHits()));
        }
    }

    private static DucoWork JobSolvedBy(string lastHash, uint nonce) =>
        new(lastHash, DucoS1Reference.Digest(lastHash, nonce), 1);

    /// <summary>The DUCO-S1 engines that run here, from the catalog: never empty, the scalar scanner always last.</summary>
    private static IReadOnlyList<INonceScanner> Engines()
    {
        IReadOnlyList<INonceScanner> engines = EngineCatalog.Supported(Algorithms.DucoS1);
        Assert.Contains(engines, engine => engine.Name == "scalar");
        return engines;
    }

    private static void AssertEnginesEqualReference(DucoWork work, uint first, ulong count)
    {
        byte[] expectedDigest = new byte[20];
        for (int i = 0; i < expectedDigest.Length; i++)
        {
            expectedDigest[i] = work.ExpectedByte(i);
        }

        uint[] expected = DucoS1Reference.Hits(work.LastHash, expectedDigest, first, count);
        Assert.NotEmpty(expected);
        foreach (INonceScanner engine in Engines())
        {
            AssertHits(expected, engine, DucoS1Reference.Scan(engine, work, first, count));
        }
    }

    private static void AssertHits(uint[] expected, INonceScanner engine, uint[] actual) =>
        Assert.True(expected.SequenceEqual(actual), $"{engine.Name}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}]");
}
