using System;
using System.Linq;
using System.Security.Cryptography;

namespace IotMinerAgent.Hashing.Tests;

public class ScryptTests
{
    // RFC 7914 §8-§10: the Salsa20/8 core, BlockMix (r = 1) and ROMix (N = 16, r = 1) known answers.
    private const string SalsaInput = "7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1dee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e";
    private const string SalsaOutput = "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81";
    private const string MixInput = "f7ce0b653d2d72a4108cf5abe912ffdd777616dbbb27a70e8204f3ae2d0f6fad89f68f4811d1e87bcc3bd7400a9ffd29094f0184639574f39ae5a1315217bcd7894991447213bb226c25b54da86370fbcd984380374666bb8ffcb5bf40c254b067d27c51ce4ad5fed829c90b505a571b7f4d1cad6a523cda770e67bceaaf7e89";
    private const string BlockMixOutput = "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f8120edc975323881a80540f64c162dcd3c21077cfe5f8d5fe2b1a4168f953678b77d3b3d803b60e4ab920996e59b4d53b65d2a225877d5edf5842cb9f14eefe425";
    private const string RoMixOutput = "79ccc193629debca047f0b70604bf6b62ce3dd4a9626e355fafc6198e6ea2b46d58413673b99b029d665c357601fb426a0b2f4bba200ee9f0a43d19b571a9c71ef1142e65d5a266fddca832ce59faa7cac0b9cf1be2bffca300d01ee387619c4ae12fd4438f203a0e4e1c47ec314861f4e9087cb33396a6873e8f9d2539a4b8e";

    [Fact]
    public void Salsa208_core_matches_rfc7914_section_8()
    {
        uint[] block = Words(SalsaInput);
        Salsa208.Core(block, 0);
        Assert.Equal(SalsaOutput, Hex(block));
    }

    [Fact]
    public void BlockMix_with_r1_matches_rfc7914_section_9()
    {
        uint[] block = Words(MixInput);
        ScryptRoMix.BlockMix(block, 0, 1, new uint[32]);
        Assert.Equal(BlockMixOutput, Hex(block));
    }

    [Fact]
    public void RoMix_with_n16_r1_matches_rfc7914_section_10_at_an_offset()
    {
        uint[] block = new uint[40];
        Words(MixInput).CopyTo(block, 5);
        ScryptRoMix.Mix(block, 5, 1, 16, new uint[32 * 16], new uint[32]);
        Assert.Equal(RoMixOutput, Hex(block[5..37]));
        Assert.All(block[..5].Concat(block[37..]), word => Assert.Equal(0u, word));
    }

    [Fact]
    public void Hmac_equals_the_platform_hmac_for_keys_around_the_block_size()
    {
        var random = new Random(7914);
        foreach (int keyLength in new[] { 0, 1, 31, 32, 63, 64, 65, 80, 150 })
        {
            foreach (int messageLength in new[] { 0, 1, 55, 56, 64, 84, 132, 200 })
            {
                byte[] key = RandomBytes(random, keyLength);
                byte[] message = RandomBytes(random, messageLength);
                Assert.Equal(HMACSHA256.HashData(key, message), new HmacSha256(key).Compute(message));
            }
        }
    }

    [Fact]
    public void Hmac_keyed_with_digest_words_equals_keying_with_the_32_bytes()
    {
        byte[] key = SHA256.HashData("scrypt"u8.ToArray());
        uint[] words = Enumerable.Range(0, 8).Select(i => Sha256.ReadBigEndian(key, i * 4)).ToArray();
        var mac = new HmacSha256();
        mac.SetKeyDigest(words);
        Assert.Equal(HMACSHA256.HashData(key, "header"u8.ToArray()), mac.Compute("header"u8.ToArray()));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(5, 1, 31)]
    [InlineData(80, 1, 128)]
    [InlineData(84, 2, 33)]
    [InlineData(128, 3, 100)]
    public void Pbkdf2_equals_the_platform_pbkdf2(int saltLength, int iterations, int length)
    {
        var random = new Random(saltLength + length);
        byte[] password = RandomBytes(random, 80);
        byte[] salt = RandomBytes(random, saltLength);
        byte[] expected = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);
        Assert.Equal(expected, Pbkdf2Sha256.Derive(password, salt, iterations, length));
    }

    /// <summary>
    /// Includes RFC 7914's N = 1024, r = 8, p = 16 case: 16 ROMix runs over 1 MiB scratchpads, about half a million
    /// Salsa20/8 cores. It takes about a quarter of a second in a Debug build, acceptable for the one vector that
    /// exercises r &gt; 1 and p &gt; 1 at a realistic size.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScryptVectors.KdfNames), MemberType = typeof(ScryptVectors))]
    public void Derive_matches_the_rfc7914_vectors(string name)
    {
        ScryptVectors.KdfCase vector = ScryptVectors.KdfCases.Single(c => c.Name == name);
        byte[] derived = Scrypt.Derive(vector.Password, vector.Salt, vector.N, vector.R, vector.P, vector.Derived.Length);
        Assert.Equal(vector.Derived, derived);
    }

    [Theory]
    [InlineData(1, 1, 1, 32, "n")]
    [InlineData(0, 1, 1, 32, "n")]
    [InlineData(1000, 1, 1, 32, "n")]
    [InlineData(65536, 1, 1, 32, "n")]
    [InlineData(16, 0, 1, 32, "r")]
    [InlineData(16, 1, 0, 32, "p")]
    [InlineData(16, 1, 1, 0, "dkLen")]
    [InlineData(16, 1 << 15, 1 << 15, 32, "p")]
    [InlineData(1 << 20, 1 << 12, 1, 32, "n")]
    public void Derive_rejects_parameters_outside_rfc7914_and_memory_limits(int n, int r, int p, int dkLen, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Scrypt.Derive([], [], n, r, p, dkLen));
        Assert.Equal(parameter, error.ParamName);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Derive_accepts_the_largest_n_for_r1()
    {
        Assert.Equal(8, Scrypt.Derive([], [], 32768, 1, 1, 8).Length);
    }

    [Theory]
    [MemberData(nameof(ScryptVectors.HeaderNames), MemberType = typeof(ScryptVectors))]
    public void HashHeader_gives_the_chain_proof_of_work_hash(string name)
    {
        ScryptVectors.HeaderCase vector = ScryptVectors.HeaderCases.Single(c => c.Name == name);
        Assert.Equal(vector.PowHashDisplay, ScryptVectors.Display(Scrypt.HashHeader(vector.Header)));
    }

    [Fact]
    public void HashHeader_rejects_a_header_that_is_not_80_bytes()
    {
        Assert.Throws<ArgumentException>(() => Scrypt.HashHeader(new byte[79]));
    }

    [Theory]
    [MemberData(nameof(ScryptVectors.HeaderNames), MemberType = typeof(ScryptVectors))]
    public void Scalar_scanner_finds_the_mined_nonce_under_the_header_target(string name)
    {
        byte[] header = ScryptVectors.HeaderCases.Single(c => c.Name == name).Header;
        uint nonce = ScryptTargets.NonceOf(header);
        Target target = ScryptTargets.OfHeader(header);
        var work = new HeaderWork(Algorithms.Scrypt, header, target);
        var hits = new NonceHits();

        new ScryptScalarScanner().Scan(work, nonce - 3, 7, hits);

        Assert.Equal([nonce], hits.ToArray());
    }

    [Fact]
    public void Scalar_scanner_reports_exactly_the_nonces_whose_header_hash_meets_the_target()
    {
        var random = new Random(1024);
        byte[] header = RandomBytes(random, 80);
        var work = new HeaderWork(Algorithms.Scrypt, header, ScryptTargets.WithTopWord(0x80000000));
        uint first = 0xFFFFFFF8;
        uint[] expected = Enumerable.Range(0, 8).Select(i => first + (uint)i)
            .Where(n => work.Target.IsMetBy(Scrypt.HashHeader(work.HeaderWithNonce(n)))).ToArray();
        var hits = new NonceHits();

        new ScryptScalarScanner().Scan(work, first, 8, hits);

        Assert.Equal(expected, hits.ToArray());
        Assert.InRange(expected.Length, 1, 7);
    }

    [Fact]
    public void Scalar_scanner_rejects_other_work_a_missing_hit_list_and_ranges_past_2_pow_32()
    {
        var scanner = new ScryptScalarScanner();
        var target = ScryptTargets.WithTopWord(1);
        var sha = new HeaderWork(Algorithms.Sha256d, new byte[80], target);
        var scrypt = new HeaderWork(Algorithms.Scrypt, new byte[80], target);
        Assert.Throws<ArgumentException>(() => scanner.Scan(sha, 0, 1, new NonceHits()));
        Assert.Throws<ArgumentNullException>(() => scanner.Scan(scrypt, 0, 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => scanner.Scan(scrypt, 0xFFFFFFFF, 2, new NonceHits()));
        Assert.Equal(("scalar", Algorithms.Scrypt, 1), (scanner.Name, scanner.Algorithm, scanner.Lanes));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static uint[] Words(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        return Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToUInt32(bytes, i * 4)).ToArray();
    }

    private static string Hex(uint[] words) =>
        Convert.ToHexString(words.SelectMany(BitConverter.GetBytes).ToArray()).ToLowerInvariant();
}
