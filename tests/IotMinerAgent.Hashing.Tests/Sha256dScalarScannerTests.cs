using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json;

namespace IotMinerAgent.Hashing.Tests;

public class Sha256dScalarScannerTests
{
    private const string Headers = "bitcoin-headers.json";

    /// <summary>Top target word 0x0FFFFFFF: about one nonce in 16 passes, so a few thousand nonces give hundreds of hits.</summary>
    private static readonly Target Easy = new(new uint[] { 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x0FFFFFFF });

    private readonly Sha256dScalarScanner _scanner = new();

    [Fact]
    public void Describes_itself_as_the_one_lane_sha256d_scalar_engine()
    {
        Assert.Equal("scalar", _scanner.Name);
        Assert.Equal(Algorithms.Sha256d, _scanner.Algorithm);
        Assert.Equal(1, _scanner.Lanes);
    }

    [Theory]
    [MemberData(nameof(Sha256dTests.HeaderNames), MemberType = typeof(Sha256dTests))]
    public void Finds_the_real_nonce_and_nothing_else_at_the_headers_own_target(string name)
    {
        JsonElement vector = VectorFile.Named(Headers, name);
        byte[] header = Hex.Decode(vector.Text("header"));
        uint nonce = vector.GetProperty("nonce").GetUInt32();
        uint nBits = BitConverter.ToUInt32(header, 72);
        var work = new HeaderWork(Algorithms.Sha256d, header, Target.FromCompact(nBits));

        var hits = new NonceHits();
        _scanner.Scan(work, nonce - 3000, 6000, hits);

        Assert.Equal(new[] { nonce }, hits.ToArray());
    }

    [Theory]
    [MemberData(nameof(Sha256dTests.HeaderNames), MemberType = typeof(Sha256dTests))]
    public void Hits_on_an_easy_target_equal_a_brute_force_filter_with_the_platform_sha256(string name)
    {
        byte[] header = Hex.Decode(VectorFile.Named(Headers, name).Text("header"));
        var work = new HeaderWork(Algorithms.Sha256d, header, Easy);
        const uint first = 1_000_000;
        const int count = 3000;

        var hits = new NonceHits();
        _scanner.Scan(work, first, count, hits);

        List<uint> expected = BruteForce(work, first, count);
        Assert.InRange(expected.Count, 100, 300);
        Assert.Equal(expected.ToArray(), hits.ToArray());
    }

    [Fact]
    public void Early_reject_never_drops_a_hash_equal_to_the_target_in_the_top_word()
    {
        // A target whose top word equals a real hash's top word but whose lower words are just below or at it:
        // the early top-word test passes and only the full 256-bit comparison decides.
        byte[] header = Hex.Decode(VectorFile.Named(Headers, "genesis").Text("header"));
        uint nonce = BitConverter.ToUInt32(header, 76);
        BigIntegerTarget(Sha256d.HashHeader(header), out Target exact, out Target justBelow);

        var atExact = new NonceHits();
        _scanner.Scan(new HeaderWork(Algorithms.Sha256d, header, exact), nonce, 1, atExact);
        var belowExact = new NonceHits();
        _scanner.Scan(new HeaderWork(Algorithms.Sha256d, header, justBelow), nonce, 1, belowExact);

        Assert.Equal(new[] { nonce }, atExact.ToArray());
        Assert.Equal(0, belowExact.Count);
    }

    [Fact]
    public void A_range_ending_exactly_at_2_to_the_32_scans_the_last_nonce_and_stops()
    {
        byte[] header = Hex.Decode(VectorFile.Named(Headers, "block-100000").Text("header"));
        var work = new HeaderWork(Algorithms.Sha256d, header, Easy);
        const uint first = 0xFFFFFFFF - 999;

        var hits = new NonceHits();
        _scanner.Scan(work, first, 1000, hits);

        Assert.Equal(BruteForce(work, first, 1000).ToArray(), hits.ToArray());

        // Every nonce meets the maximum target: exactly the 1000 nonces up to 0xFFFFFFFF, with no wrap to 0.
        var all = new NonceHits();
        _scanner.Scan(new HeaderWork(Algorithms.Sha256d, header, Target.Max), first, 1000, all);
        Assert.Equal(1000, all.Count);
        Assert.Equal(first, all[0]);
        Assert.Equal(0xFFFFFFFFu, all[999]);
    }

    [Fact]
    public void A_range_passing_2_to_the_32_is_rejected()
    {
        var work = new HeaderWork(Algorithms.Sha256d, new byte[80], Target.Max);
        Assert.Throws<ArgumentOutOfRangeException>(() => _scanner.Scan(work, 0xFFFFFFFF, 2, new NonceHits()));
        Assert.Throws<ArgumentOutOfRangeException>(() => _scanner.Scan(work, 0, NonceRange.Limit + 1, new NonceHits()));
    }

    [Fact]
    public void An_empty_range_finds_nothing()
    {
        var hits = new NonceHits();
        _scanner.Scan(new HeaderWork(Algorithms.Sha256d, new byte[80], Target.Max), 0xFFFFFFFF, 0, hits);
        Assert.Equal(0, hits.Count);
    }

    [Fact]
    public void Work_for_another_algorithm_is_rejected_clearly()
    {
        var scrypt = new HeaderWork(Algorithms.Scrypt, new byte[80], Target.Max);
        var duco = new DucoWork(new string('a', 40), new byte[20], 1);

        var error = Assert.Throws<ArgumentException>(() => _scanner.Scan(scrypt, 0, 1, new NonceHits()));
        Assert.Contains("needs HeaderWork for sha256d", error.Message);
        Assert.Contains("'scrypt'", error.Message);
        Assert.Throws<ArgumentException>(() => _scanner.Scan(duco, 0, 1, new NonceHits()));
        Assert.Throws<ArgumentException>(() => _scanner.Scan(null!, 0, 1, new NonceHits()));
    }

    private static List<uint> BruteForce(HeaderWork work, uint first, int count)
    {
        var found = new List<uint>();
        for (long n = first; n < (long)first + count; n++)
        {
            byte[] hash = SHA256.HashData(SHA256.HashData(work.HeaderWithNonce((uint)n)));
            if (Reference.FromHash(hash) <= Reference.FromTarget(work.Target))
            {
                found.Add((uint)n);
            }
        }

        return found;
    }

    private static void BigIntegerTarget(byte[] hash, out Target exact, out Target justBelow)
    {
        System.Numerics.BigInteger value = Reference.FromHash(hash);
        exact = Reference.ToTarget(value);
        justBelow = Reference.ToTarget(value - 1);
    }
}
