using System;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Hashing.Tests;

public class StratumHeaderTests
{
    private const string Jobs = "stratum-jobs.json";

    public static TheoryData<string> JobNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement v in VectorFile.Vectors(Jobs))
        {
            names.Add(v.Text("name"));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(JobNames))]
    public void Rebuilds_the_real_header_from_notify_and_submit(string name)
    {
        JsonElement job = VectorFile.Named(Jobs, name);
        byte[] header = BuildHeader(job, out byte[] merkleRoot);

        if (job.TryGetProperty("merkle_root", out JsonElement root))
        {
            Assert.Equal(root.GetString(), Hex.Encode(merkleRoot));
        }

        if (job.TryGetProperty("header", out JsonElement expectedHeader))
        {
            Assert.Equal(expectedHeader.GetString(), Hex.Encode(header));
        }

        // The scrypt job's proof-of-work hash is checked by the scrypt tests; its header bytes are checked above.
        if (job.Text("algo") == Algorithms.Sha256d)
        {
            Assert.Equal(job.Text("hash"), Hex.EncodeReversed(Sha256d.HashHeader(header)));
        }
    }

    [Fact]
    public void The_mainnet_share_has_the_difficulty_the_pool_accepted()
    {
        JsonElement job = VectorFile.Named(Jobs, "bitcoin-mainnet-share-diff-683");
        byte[] hash = Sha256d.HashHeader(BuildHeader(job, out _));
        int floor = job.GetProperty("share_difficulty_floor").GetInt32();

        Difficulty share = Difficulty.OfHash(hash);

        Assert.True(share.IsAtLeast(Difficulty.FromInteger((ulong)floor)));
        Assert.False(share.IsAtLeast(Difficulty.FromInteger((ulong)floor + 1)));
        Reference.AssertClose(Reference.Ratio(Reference.Diff1, Reference.FromHash(hash)), share.ToDouble());
        Assert.True(Target.FromDifficulty(Difficulty.FromInteger((ulong)floor)).IsMetBy(hash));
    }

    [Fact]
    public void Header_places_each_field_in_header_order()
    {
        byte[] prevHash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] root = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        byte[] header = StratumHeader.Header(0x20000004, prevHash, root, 0x647025b5, 0x1705ae3a, 0x0a029ed1);

        Assert.Equal("04000020", Hex.Encode(header[0..4]));
        Assert.Equal("03020100070605040b0a0908", Hex.Encode(header[4..16]));
        Assert.Equal(root, header[36..68]);
        Assert.Equal("b5257064" + "3aae0517" + "d19e020a", Hex.Encode(header[68..80]));
    }

    [Theory]
    [InlineData("1d00ffff", 0x1d00ffffu)]
    [InlineData("A6065390", 0xa6065390u)]
    [InlineData("00000000", 0u)]
    [InlineData("ffffffff", 0xffffffffu)]
    public void Hex_words_are_big_endian_and_format_back_zero_padded(string hex, uint value)
    {
        Assert.Equal(value, StratumHeader.ParseHexWord(hex));
        Assert.Equal(hex.ToLowerInvariant(), StratumHeader.FormatHexWord(value));
    }

    [Theory]
    [InlineData("1d00fff")]
    [InlineData("1d00ffff0")]
    [InlineData("")]
    public void ParseHexWord_rejects_other_lengths(string hex)
    {
        var error = Assert.Throws<ArgumentException>(() => StratumHeader.ParseHexWord(hex));
        Assert.Contains("exactly 8 hex digits", error.Message);
    }

    [Fact]
    public void ParseHexWord_names_a_bad_digit()
    {
        var error = Assert.Throws<ArgumentException>(() => StratumHeader.ParseHexWord("1d00fgff"));
        Assert.Contains("'g' at position 5", error.Message);
    }

    [Fact]
    public void Merkle_branches_and_hashes_must_be_32_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => StratumHeader.MerkleRoot(new byte[32], new[] { new byte[32], new byte[31] }));
        Assert.Contains("branch 1", error.Message);
        Assert.Throws<ArgumentException>(() => StratumHeader.MerkleRoot(new byte[31], Array.Empty<byte[]>()));
        Assert.Throws<ArgumentException>(() => StratumHeader.Header(1, new byte[32], new byte[33], 0, 0, 0));
    }

    /// <summary>What a stratum client does with a job and its submit: coinbase, merkle root, header.</summary>
    private static byte[] BuildHeader(JsonElement job, out byte[] merkleRoot)
    {
        JsonElement notify = job.GetProperty("notify");
        JsonElement submit = job.GetProperty("submit");
        byte[] coinbase = StratumHeader.Coinbase(
            Hex.Decode(notify[2].GetString()!),
            Hex.Decode(job.Text("extranonce1")),
            Hex.Decode(submit.Text("extranonce2")),
            Hex.Decode(notify[3].GetString()!));
        byte[][] branches = notify[4].EnumerateArray().Select(b => Hex.Decode(b.GetString()!)).ToArray();
        merkleRoot = StratumHeader.MerkleRoot(Sha256d.Hash(coinbase), branches);
        return StratumHeader.Header(
            StratumHeader.ParseHexWord(notify[5].GetString()!),
            Hex.Decode(notify[1].GetString()!),
            merkleRoot,
            StratumHeader.ParseHexWord(submit.Text("ntime")),
            StratumHeader.ParseHexWord(notify[6].GetString()!),
            StratumHeader.ParseHexWord(submit.Text("nonce")));
    }
}
