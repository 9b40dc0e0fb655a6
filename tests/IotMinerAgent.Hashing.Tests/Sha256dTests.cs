using System;
using System.Security.Cryptography;
using System.Text.Json;
using CsCheck;

namespace IotMinerAgent.Hashing.Tests;

public class Sha256dTests
{
    private const string Headers = "bitcoin-headers.json";

    public static TheoryData<string> HeaderNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement v in VectorFile.Vectors(Headers))
        {
            names.Add(v.Text("name"));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(HeaderNames))]
    public void HashHeader_gives_the_real_block_hash(string name)
    {
        JsonElement vector = VectorFile.Named(Headers, name);
        byte[] header = Hex.Decode(vector.Text("header"));

        Assert.Equal(vector.Text("hash"), Hex.EncodeReversed(Sha256d.HashHeader(header)));
        Assert.Equal(vector.Text("hash"), Hex.EncodeReversed(Sha256d.Hash(header)));
    }

    [Theory]
    [MemberData(nameof(HeaderNames))]
    public void HashHeader_from_midstate_equals_one_shot(string name)
    {
        byte[] header = Hex.Decode(VectorFile.Named(Headers, name).Text("header"));
        uint[] midstate = Sha256.Midstate(header, 0);
        uint[] before = (uint[])midstate.Clone();

        Assert.Equal(Sha256d.HashHeader(header), Sha256d.HashHeader(midstate, header));
        Assert.Equal(before, midstate);
    }

    [Fact]
    public void Hash_equals_platform_sha256_twice_for_random_data()
    {
        Gen.Byte.Array[0, 300].Sample(data =>
            Assert.Equal(SHA256.HashData(SHA256.HashData(data)), Sha256d.Hash(data)), iter: 400);
    }

    [Fact]
    public void Midstate_and_tail_equal_one_shot_for_random_headers()
    {
        Gen.Byte.Array[80].Sample(header =>
            Assert.Equal(SHA256.HashData(SHA256.HashData(header)), Sha256d.HashHeader(Sha256.Midstate(header, 0), header)), iter: 300);
    }

    [Fact]
    public void Wrong_sizes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sha256d.HashHeader(new byte[79]));
        Assert.Throws<ArgumentException>(() => Sha256d.HashHeader(new uint[7], new byte[80]));
        Assert.Throws<ArgumentNullException>(() => Sha256d.Hash(null!));
    }
}
