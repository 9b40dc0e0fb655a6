using System;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Hashing.Tests.Engines;

/// <summary>
/// Every sha256d engine this CPU and runtime can run, the scalar one included, must report exactly the nonces that
/// <see cref="Sha256dReference"/> (the platform's SHA-256, no product code) finds by brute force.
/// The engines come from <see cref="EngineCatalog.Supported"/>, so running these tests again under
/// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0 (tests/scripts/engine-matrix.sh)
/// checks the narrower engines that this machine would otherwise never pick.
/// </summary>
public class Sha256dEngineTests
{
    private const string Headers = "bitcoin-headers.json";

    /// <summary>Top word 0x3FFFFFFF: about one nonce in four passes, so every lane of every width sees hits.</summary>
    private static readonly Target Easy = new([uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue, 0x3FFFFFFF]);

    /// <summary>Only an all-zero hash would meet it.</summary>
    private static readonly Target Impossible = new(new uint[8]);

    public static TheoryData<string> SupportedEngines() => new(EngineCatalog.Supported(Algorithms.Sha256d).Select(engine => engine.Name));

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Describes_itself_as_a_sha256d_engine(string name)
    {
        INonceScanner engine = Engine(name);

        Assert.Equal(Algorithms.Sha256d, engine.Algorithm);
        Assert.Equal(name, engine.Name);
        Assert.InRange(engine.Lanes, 1, 16);
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Equals_the_platform_reference_for_every_range_length_0_to_40_on_random_headers(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(20261124);
        int hits = 0;
        for (int length = 0; length <= 40; length++)
        {
            HeaderWork work = RandomWork(random, Easy);
            uint first = (uint)random.NextInt64(0, (long)NonceRange.Limit - 64);

            hits += AssertSameHits(engine, work, first, (ulong)length);
        }

        // About one nonce in four meets Easy: with no hits at all the comparison above would prove nothing.
        Assert.InRange(hits, 100, 310);
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Equals_the_platform_reference_around_every_multiple_of_the_lane_count(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(7);
        foreach (int multiple in new[] { 1, 2, 3, 8 })
        {
            for (int offset = -2; offset <= 2; offset++)
            {
                int length = (multiple * engine.Lanes) + offset;
                if (length >= 0)
                {
                    AssertSameHits(engine, RandomWork(random, RandomTarget(random)), (uint)random.Next(), (ulong)length);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Equals_the_platform_reference_for_ranges_that_end_exactly_at_2_to_the_32(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(32);
        for (int length = 0; length <= 40; length++)
        {
            AssertSameHits(engine, RandomWork(random, Easy), (uint)(NonceRange.Limit - (ulong)length), (ulong)length);
        }

        var lastNonce = new NonceHits();
        engine.Scan(RandomWork(random, Target.Max), 0xFFFFFFFF - 47, 48, lastNonce);
        Assert.Equal(0xFFFFFFFFu, lastNonce[lastNonce.Count - 1]);
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Finds_a_lone_hit_in_the_first_lane_and_in_the_last_lane(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(99);
        int lanes = engine.Lanes;
        for (int checkedCases = 0; checkedCases < 4;)
        {
            // The target is the lowest hash of 4·lanes nonces, so exactly that nonce meets it among them; it must sit
            // far enough inside for both scans below to stay among them.
            HeaderWork scratch = RandomWork(random, Impossible);
            uint start = (uint)random.Next();
            uint best = Enumerable.Range(0, 4 * lanes).Select(i => start + (uint)i).MinBy(nonce => HashValue(scratch, nonce));
            if (best < start + lanes || best > start + (3 * lanes))
            {
                continue;
            }

            var work = new HeaderWork(Algorithms.Sha256d, HeaderBytes(scratch), Reference.ToTarget(HashValue(scratch, best)));
            Assert.Equal(new[] { best }, Scan(engine, work, best, (ulong)lanes));
            Assert.Equal(new[] { best }, Scan(engine, work, best - (uint)(lanes - 1), (ulong)lanes));
            checkedCases++;
        }
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Rejects_a_hash_one_above_the_target_even_when_the_top_words_are_equal(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(5);
        HeaderWork scratch = RandomWork(random, Impossible);
        uint nonce = (uint)random.Next();
        BigInteger hash = HashValue(scratch, nonce);
        var justBelow = new HeaderWork(Algorithms.Sha256d, HeaderBytes(scratch), Reference.ToTarget(hash - 1));

        Assert.DoesNotContain(nonce, Scan(engine, justBelow, nonce - 1, (ulong)(2 * engine.Lanes)));
        AssertSameHits(engine, justBelow, nonce - 1, (ulong)(2 * engine.Lanes));
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Finds_nothing_when_no_hash_can_meet_the_target(string name)
    {
        INonceScanner engine = Engine(name);
        var random = new Random(3);

        Assert.Empty(Scan(engine, RandomWork(random, Impossible), (uint)random.Next(), 4096));
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Finds_each_real_blocks_nonce_at_its_own_compact_target_and_nothing_else(string name)
    {
        INonceScanner engine = Engine(name);
        foreach (JsonElement vector in VectorFile.Vectors(Headers))
        {
            byte[] header = Hex.Decode(vector.Text("header"));
            uint nonce = vector.GetProperty("nonce").GetUInt32();
            var work = new HeaderWork(Algorithms.Sha256d, header, Target.FromCompact(BitConverter.ToUInt32(header, 72)));

            // An odd start and length put the real nonce in a middle lane and leave a tail for the scalar code.
            Assert.Equal(new[] { nonce }, Scan(engine, work, nonce - 1001, 2003));
        }
    }

    [Theory]
    [MemberData(nameof(SupportedEngines))]
    public void Rejects_work_of_another_algorithm_and_ranges_past_2_to_the_32(string name)
    {
        INonceScanner engine = Engine(name);
        var duco = new DucoWork("0123456789abcdef0123456789abcdef01234567", new byte[20], 10);
        HeaderWork scrypt = new(Algorithms.Scrypt, new byte[80], Easy);
        HeaderWork sha256d = RandomWork(new Random(1), Easy);

        Assert.Throws<ArgumentException>(() => engine.Scan(duco, 0, 16, new NonceHits()));
        Assert.Throws<ArgumentException>(() => engine.Scan(scrypt, 0, 16, new NonceHits()));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Scan(sha256d, 0xFFFFFFF0, 17, new NonceHits()));
    }

    /// <summary>Asserts the engine's hits are the reference's; returns how many there were.</summary>
    private static int AssertSameHits(INonceScanner engine, HeaderWork work, uint first, ulong count)
    {
        uint[] expected = Sha256dReference.Hits(work, first, count);
        uint[] actual = Scan(engine, work, first, count);
        Assert.True(expected.SequenceEqual(actual), $"{engine.Name} over [{first}, {first}+{count}): expected {string.Join(",", expected)} got {string.Join(",", actual)}");
        return expected.Length;
    }

    private static uint[] Scan(INonceScanner engine, HeaderWork work, uint first, ulong count)
    {
        var hits = new NonceHits();
        engine.Scan(work, first, count, hits);
        return hits.ToArray();
    }

    private static INonceScanner Engine(string name) => EngineCatalog.Find(Algorithms.Sha256d, name);

    private static HeaderWork RandomWork(Random random, Target target)
    {
        byte[] header = new byte[HeaderWork.HeaderLength];
        random.NextBytes(header);
        return new HeaderWork(Algorithms.Sha256d, header, target);
    }

    /// <summary>A target whose top word lets through between 1 nonce in 2 and 1 in 64, lower words random.</summary>
    private static Target RandomTarget(Random random)
    {
        uint[] words = Enumerable.Range(0, 8).Select(_ => (uint)random.NextInt64(0, (long)NonceRange.Limit)).ToArray();
        words[7] = uint.MaxValue >> random.Next(1, 7);
        return new Target(words);
    }

    private static byte[] HeaderBytes(HeaderWork work) => Enumerable.Range(0, HeaderWork.HeaderLength).Select(i => work[i]).ToArray();

    /// <summary>The sha256d of the header with this nonce as the 256-bit number targets are compared with (platform SHA-256).</summary>
    private static BigInteger HashValue(HeaderWork work, uint nonce) => Sha256dReference.HashValue(work, nonce);
}
