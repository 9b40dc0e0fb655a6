using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Hashing.Tests.Engines;

/// <summary>
/// Every scrypt engine this machine supports, the scalar scanner included, against <see cref="ScryptReference"/>: a
/// scrypt written in the test from RFC 7914 over the platform's PBKDF2-HMAC-SHA256, sharing no code with the
/// scanners (ScryptReferenceTests checks it against the RFC's vectors and real Litecoin headers). The engines come
/// from <see cref="EngineCatalog.Supported"/>; runs with DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 or
/// DOTNET_EnableHWIntrinsic=0 exercise the narrower engines (the scalar scanner is always in the list, so the
/// theories never run empty). scrypt costs about a millisecond per hash in a Debug build, so every range here is
/// tens of nonces.
/// </summary>
public class ScryptEngineTests
{
    // About half of all hashes meet a target whose top word is 0x80000000: hits and misses in every batch.
    private static readonly Target HalfTarget = ScryptTargets.WithTopWord(0x80000000);

    // One random header and the reference verdicts for 48 consecutive nonces, computed once for every engine.
    private static readonly Lazy<ReferenceRange> Shared = new(() =>
    {
        var random = new Random(1024);
        var work = new HeaderWork(Algorithms.Scrypt, RandomHeader(random), HalfTarget);
        uint first = (uint)random.Next();
        return new ReferenceRange(work, first, ReferenceMeets(work, first, 48));
    });

    public static IEnumerable<object[]> EngineNames => SupportedEngines().Select(engine => new object[] { engine.Name });

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_matches_the_reference_for_lengths_around_lane_multiples(string name)
    {
        INonceScanner engine = Engine(name);
        (HeaderWork work, uint first, bool[] meets) = Shared.Value;
        int lanes = engine.Lanes;
        int[] lengths = [0, 1, lanes - 1, lanes, lanes + 1, (2 * lanes) - 1, (2 * lanes) + 1, 40];

        foreach (int length in lengths.Where(l => l is >= 0 and <= 40).Distinct())
        {
            Assert.Equal(Expected(first, meets, 0, length), Scan(engine, work, first, (ulong)length));
        }
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_reports_hits_in_the_first_and_the_last_lane_of_a_batch(string name)
    {
        INonceScanner engine = Engine(name);
        (HeaderWork work, uint first, bool[] meets) = Shared.Value;
        int lanes = engine.Lanes;
        int start = Enumerable.Range(0, meets.Length - lanes + 1).First(s => meets[s] && meets[s + lanes - 1]);

        uint[] hits = Scan(engine, work, first + (uint)start, (ulong)lanes);

        Assert.Equal(Expected(first, meets, start, lanes), hits);
        Assert.Contains(first + (uint)start, hits);
        Assert.Contains(first + (uint)(start + lanes - 1), hits);
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_scans_a_range_that_ends_exactly_at_2_pow_32(string name)
    {
        INonceScanner engine = Engine(name);
        var work = new HeaderWork(Algorithms.Scrypt, RandomHeader(new Random(32)), HalfTarget);
        int length = engine.Lanes + 3;
        uint first = (uint)(NonceRange.Limit - (ulong)length);

        Assert.Equal(Expected(first, ReferenceMeets(work, first, length), 0, length), Scan(engine, work, first, (ulong)length));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scan(engine, work, first, (ulong)length + 1));
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_finds_the_mined_nonce_of_every_scrypt_chain_header(string name)
    {
        INonceScanner engine = Engine(name);
        foreach (ScryptVectors.HeaderCase vector in ScryptVectors.HeaderCases)
        {
            uint nonce = ScryptTargets.NonceOf(vector.Header);
            var work = new HeaderWork(Algorithms.Scrypt, vector.Header, ScryptTargets.OfHeader(vector.Header));
            uint first = nonce - (uint)(engine.Lanes / 2);

            Assert.Equal([nonce], Scan(engine, work, first, (ulong)engine.Lanes));
        }
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_equals_the_reference_on_random_headers_targets_and_ranges(string name)
    {
        INonceScanner engine = Engine(name);
        Gen<(byte[] Header, uint TopWord, uint First, int Length)> cases =
            Gen.Select(Gen.Byte.Array[80], Gen.UInt, Gen.UInt, Gen.Int[0, engine.Lanes + 2]);

        cases.Sample(
            c =>
            {
                var work = new HeaderWork(Algorithms.Scrypt, c.Header, ScryptTargets.WithTopWord(c.TopWord));
                uint first = (uint)Math.Min(c.First, NonceRange.Limit - (ulong)c.Length);
                Assert.Equal(Expected(first, ReferenceMeets(work, first, c.Length), 0, c.Length), Scan(engine, work, first, (ulong)c.Length));
            },
            seed: "0N0XIzNsQ0O2",
            iter: 3,
            threads: 1);
    }

    [Theory]
    [MemberData(nameof(EngineNames))]
    public void Engine_names_its_algorithm_and_lanes_and_rejects_other_work(string name)
    {
        INonceScanner engine = Engine(name);
        var expectedLanes = new Dictionary<string, int> { ["scalar"] = 1, ["avx512"] = 16, ["avx2"] = 8, ["vector128"] = 4, ["neon"] = 4 };

        Assert.Equal(expectedLanes[name], engine.Lanes);
        Assert.Equal(Algorithms.Scrypt, engine.Algorithm);
        var sha = new HeaderWork(Algorithms.Sha256d, new byte[80], HalfTarget);
        Assert.Throws<ArgumentException>(() => engine.Scan(sha, 0, (ulong)engine.Lanes, new NonceHits()));
        var scrypt = new HeaderWork(Algorithms.Scrypt, new byte[80], HalfTarget);
        Assert.Throws<ArgumentNullException>(() => engine.Scan(scrypt, 0, (ulong)engine.Lanes, null!));
    }

    /// <summary>The engines this machine and runtime configuration support, widest first, then the scalar reference.</summary>
    private static IReadOnlyList<INonceScanner> SupportedEngines() => EngineCatalog.Supported(Algorithms.Scrypt);

    private sealed record ReferenceRange(HeaderWork Work, uint First, bool[] Meets);

    private static INonceScanner Engine(string name) => SupportedEngines().Single(engine => engine.Name == name);

    private static byte[] RandomHeader(Random random)
    {
        byte[] header = new byte[80];
        random.NextBytes(header);
        return header;
    }

    private static bool[] ReferenceMeets(HeaderWork work, uint first, int count)
    {
        uint[] hits = ScryptReference.Hits(work, first, (ulong)count);
        return Enumerable.Range(0, count).Select(i => hits.Contains(first + (uint)i)).ToArray();
    }

    private static uint[] Expected(uint first, bool[] meets, int start, int length) =>
        Enumerable.Range(start, length).Where(i => meets[i]).Select(i => first + (uint)i).ToArray();

    private static uint[] Scan(INonceScanner engine, HeaderWork work, uint first, ulong count)
    {
        var hits = new NonceHits();
        engine.Scan(work, first, count, hits);
        return hits.ToArray();
    }
}
