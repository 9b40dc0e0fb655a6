using System;
using System.Security.Cryptography;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Hashing.Tests;

public class Sha256Tests
{
    [Fact]
    public void Hash_equals_the_platform_sha256_for_every_length_0_to_300()
    {
        var random = new Random(20261124);
        for (int length = 0; length <= 300; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Fact]
    public void Midstate_then_tail_equals_one_shot_double_hash_of_a_header()
    {
        byte[] header = Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
        uint[] state = Sha256.Midstate(header, 0);
        uint[] w = new uint[64];
        byte[] block = new byte[64];
        Array.Copy(header, 64, block, 0, 16);
        block[16] = 0x80;
        block[62] = 0x02; // 640 bits
        block[63] = 0x80;
        Sha256.LoadBlock(block, 0, w);
        Sha256.Compress(state, w);
        byte[] first = Sha256.StateToDigest(state);
        Assert.Equal(SHA256.HashData(header), first);
    }
}
