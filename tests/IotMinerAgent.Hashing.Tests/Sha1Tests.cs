using System;
using System.Security.Cryptography;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Hashing.Tests;

public class Sha1Tests
{
    [Fact]
    public void Hash_equals_the_platform_sha1_for_every_length_0_to_300()
    {
        var random = new Random(20261125);
        for (int length = 0; length <= 300; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA1.HashData(data), Sha1.Hash(data));
        }
    }

    [Fact]
    public void Hash_of_a_slice_equals_the_platform_sha1_of_that_slice()
    {
        var random = new Random(7);
        byte[] data = new byte[200];
        random.NextBytes(data);
        Assert.Equal(SHA1.HashData(data.AsSpan(13, 150)), Sha1.Hash(data, 13, 150));
    }

    [Fact]
    public void Hash_of_abc_is_the_fips_180_example()
    {
        // FIPS 180-4 examples (NIST CSRC "SHA1.pdf"): SHA-1("abc").
        Assert.Equal(Convert.FromHexString("a9993e364706816aba3e25717850c26c9cd0d89d"), Sha1.Hash("abc"u8.ToArray()));
    }

    [Fact]
    public void Rounds_split_at_any_point_equal_the_whole_compression()
    {
        var random = new Random(11);
        byte[] block = new byte[64];
        random.NextBytes(block);
        uint[] whole = Sha1.NewState();
        uint[] w = new uint[80];
        Sha1.LoadBlock(block, 0, w);
        Sha1.Compress(whole, w);

        for (int split = 0; split <= 80; split += 7)
        {
            uint[] working = Sha1.NewState();
            Sha1.RunRounds(working, w, 0, split);
            Sha1.RunRounds(working, w, split, 80);
            uint[] state = Sha1.NewState();
            Sha1.AddInto(state, working);
            Assert.Equal(whole, state);
        }
    }

    [Fact]
    public void Hash_rejects_a_slice_outside_the_data()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha1.Hash(new byte[10], 5, 6));
    }
}
