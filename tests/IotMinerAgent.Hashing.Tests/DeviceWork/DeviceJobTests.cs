using System;
using System.Linq;
using System.Text.Json;
using CsCheck;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

public class DeviceJobTests
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

    private static HeaderWork RealWork(string name, string algorithm, Target target)
    {
        byte[] header = Hex.Decode(VectorFile.Named(Headers, name).Text("header"));
        return new HeaderWork(algorithm, header, target);
    }

    [Fact]
    public void Every_job_survives_encode_and_decode_field_for_field()
    {
        DeviceWorkGen.Job.Sample(job =>
        {
            byte[] bytes = job.Encode();
            DeviceJob back = DeviceJob.Decode(bytes);

            Assert.Equal(job.Algorithm == Algorithms.Sha256d ? DeviceJob.Sha256dLength : DeviceJob.ScryptLength, bytes.Length);
            Assert.Equal((job.JobId, job.Algorithm, job.FirstNonce, job.NonceCount, job.IssuedAt, job.LifetimeSeconds),
                (back.JobId, back.Algorithm, back.FirstNonce, back.NonceCount, back.IssuedAt, back.LifetimeSeconds));
            Assert.Equal(job.Target, back.Target);
            if (job.Algorithm == Algorithms.Sha256d)
            {
                Assert.Equal(job.GetMidstate(), back.GetMidstate());
                Assert.Equal(job.GetTail(), back.GetTail());
            }
            else
            {
                Assert.Equal(job.GetHeaderPrefix(), back.GetHeaderPrefix());
            }

            Assert.Equal(bytes, back.Encode());
        });
    }

    [Theory]
    [MemberData(nameof(HeaderNames))]
    public void Hash_from_the_midstate_is_sha256d_of_the_real_header(string name)
    {
        JsonElement vector = VectorFile.Named(Headers, name);
        HeaderWork work = RealWork(name, Algorithms.Sha256d, Target.Max);
        DeviceJob job = DeviceJob.Decode(DeviceJob.FromHeaderWork(7, work, 0, NonceRange.Limit, 0, 60).Encode());
        uint realNonce = vector.GetProperty("nonce").GetUInt32();

        foreach (uint nonce in new[] { realNonce, 0u, 1u, realNonce + 1, uint.MaxValue })
        {
            Assert.Equal(Sha256d.HashHeader(work.HeaderWithNonce(nonce)), job.HashSha256d(nonce));
        }

        Assert.Equal(vector.Text("hash"), Hex.EncodeReversed(job.HashSha256d(realNonce)));
    }

    [Theory]
    [MemberData(nameof(HeaderNames))]
    public void Real_nonce_meets_the_block_s_own_target_and_its_neighbour_does_not(string name)
    {
        JsonElement vector = VectorFile.Named(Headers, name);
        byte[] header = Hex.Decode(vector.Text("header"));
        Target blockTarget = Target.FromCompact(BitConverter.ToUInt32(header, 72));
        DeviceJob job = DeviceJob.FromHeaderWork(1, RealWork(name, Algorithms.Sha256d, blockTarget), 0, NonceRange.Limit, 0, 60);
        uint realNonce = vector.GetProperty("nonce").GetUInt32();

        Assert.True(job.Meets(realNonce));
        Assert.False(job.Meets(realNonce + 1));
    }

    [Fact]
    public void Scrypt_job_carries_the_header_prefix_and_scans_like_the_header()
    {
        JsonElement vector = VectorFile.Named("scrypt.json", "litecoin-header-1");
        byte[] header = Hex.Decode(vector.Text("header"));
        Target powHash = Target.Parse(vector.Text("pow_hash"));
        uint nonce = BitConverter.ToUInt32(header, 76);
        DeviceJob job = DeviceJob.Decode(DeviceJob.FromHeaderWork(3, new HeaderWork(Algorithms.Scrypt, header, powHash), 0, 1, 0, 60).Encode());

        Assert.Equal(header.Take(76), job.GetHeaderPrefix());
        Assert.Equal(header, job.CreateScryptWork().HeaderWithNonce(nonce));
        Assert.True(job.Meets(nonce), "the header's scrypt hash equals the target, so it meets it");
        Assert.False(job.Meets(nonce + 1));
    }

    [Fact]
    public void Sha256d_only_and_scrypt_only_parts_refuse_the_other_algorithm()
    {
        DeviceJob scrypt = DeviceJob.ForScrypt(1, new byte[76], Target.Max, 0, 1, 0, 0);
        DeviceJob sha = DeviceJob.ForSha256d(1, new uint[8], new byte[12], Target.Max, 0, 1, 0, 0);

        Assert.Contains("Only a sha256d job", Assert.Throws<InvalidOperationException>(() => scrypt.HashSha256d(0)).Message);
        Assert.Contains("Only a scrypt job", Assert.Throws<InvalidOperationException>(() => sha.CreateScryptWork()).Message);
    }

    [Fact]
    public void A_range_may_end_exactly_at_2_pow_32_but_not_pass_it_or_be_empty()
    {
        Assert.Equal(NonceRange.Limit, DeviceJob.ForSha256d(1, new uint[8], new byte[12], Target.Max, 0, NonceRange.Limit, 0, 0).NonceCount);
        Assert.Equal(1ul, DeviceJob.ForScrypt(1, new byte[76], Target.Max, uint.MaxValue, 1, 0, 0).NonceCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceJob.ForScrypt(1, new byte[76], Target.Max, uint.MaxValue, 2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceJob.ForScrypt(1, new byte[76], Target.Max, 5, 0, 0, 0));
    }

    [Fact]
    public void Factories_name_the_wrong_argument()
    {
        Assert.Equal("midstate", Assert.Throws<ArgumentException>(() => DeviceJob.ForSha256d(1, new uint[7], new byte[12], Target.Max, 0, 1, 0, 0)).ParamName);
        Assert.Equal("tail12", Assert.Throws<ArgumentException>(() => DeviceJob.ForSha256d(1, new uint[8], new byte[11], Target.Max, 0, 1, 0, 0)).ParamName);
        Assert.Equal("prefix76", Assert.Throws<ArgumentException>(() => DeviceJob.ForScrypt(1, new byte[80], Target.Max, 0, 1, 0, 0)).ParamName);
    }
}
