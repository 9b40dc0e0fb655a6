using System;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>The real pool jobs of stratum-jobs.json, fed through the client's own parser, session and job code.</summary>
public class StratumJobVectorTests
{
    public static TheoryData<string> Names() => StratumVectors.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Notify_line_through_the_session_rebuilds_the_real_header_and_hash(string name)
    {
        JsonElement vector = StratumVectors.Named(name);
        StratumJob job = JobThroughSession(vector);
        JsonElement submit = vector.GetProperty("submit");
        byte[] extranonce2 = Convert.FromHexString(submit.GetProperty("extranonce2").GetString()!);
        uint ntime = Convert.ToUInt32(submit.GetProperty("ntime").GetString(), 16);
        uint nonce = Convert.ToUInt32(submit.GetProperty("nonce").GetString(), 16);

        byte[] header = job.BuildHeader(extranonce2, ntime, job.Version, nonce);

        if (vector.TryGetProperty("merkle_root", out JsonElement root))
        {
            Assert.Equal(root.GetString(), Convert.ToHexStringLower(job.MerkleRoot(extranonce2)));
        }

        if (vector.TryGetProperty("header", out JsonElement expected))
        {
            Assert.Equal(expected.GetString(), Convert.ToHexStringLower(header));
        }

        if (vector.GetProperty("algo").GetString() == Algorithms.Sha256d)
        {
            Assert.Equal(vector.GetProperty("hash").GetString(), Convert.ToHexStringLower(Sha256d.HashHeader(header).Reverse().ToArray()));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Submit_params_reproduce_the_miners_submit_byte_for_byte(string name)
    {
        JsonElement vector = StratumVectors.Named(name);
        StratumJob job = JobThroughSession(vector);
        JsonElement submit = vector.GetProperty("submit");
        var work = new StratumWork(job, Difficulty.FromInteger(1), Algorithms.Sha256d, 0, true);

        StratumShare share = work.CreateShare(
            Convert.FromHexString(submit.GetProperty("extranonce2").GetString()!),
            Convert.ToUInt32(submit.GetProperty("ntime").GetString(), 16),
            Convert.ToUInt32(submit.GetProperty("nonce").GetString(), 16),
            versionBits: 0x1fffe000);
        string line = StratumRequestWriter.Submit(7, new SubmitParams("worker", share.Job.JobId, share.Extranonce2, share.NTime, share.Nonce, null));

        string expected = $"{{\"id\":7,\"method\":\"mining.submit\",\"params\":[\"worker\",\"{job.JobId}\",\"{submit.GetProperty("extranonce2").GetString()}\",\"{submit.GetProperty("ntime").GetString()}\",\"{submit.GetProperty("nonce").GetString()}\"]}}";
        Assert.Equal(expected, line);
        Assert.Equal(0u, share.VersionBits); // no mask negotiated: the bits are dropped, the job version is hashed as given
    }

    [Fact]
    public void The_mainnet_share_meets_pool_difficulty_683_and_not_684_through_StratumWork()
    {
        JsonElement vector = StratumVectors.Named("bitcoin-mainnet-share-diff-683");
        StratumJob job = JobThroughSession(vector);
        JsonElement submit = vector.GetProperty("submit");
        byte[] extranonce2 = Convert.FromHexString(submit.GetProperty("extranonce2").GetString()!);
        uint ntime = Convert.ToUInt32(submit.GetProperty("ntime").GetString(), 16);
        uint nonce = Convert.ToUInt32(submit.GetProperty("nonce").GetString(), 16);

        var at683 = new StratumWork(job, Difficulty.Parse("683"), Algorithms.Sha256d, 0, false);
        var at684 = new StratumWork(job, Difficulty.Parse("684"), Algorithms.Sha256d, 0, false);
        HeaderWork scan = at683.CreateHeaderWork(extranonce2, ntime, 0);
        byte[] hash = Sha256d.HashHeader(scan.HeaderWithNonce(nonce));

        Assert.True(at683.ShareTarget.IsMetBy(hash));
        Assert.False(at684.ShareTarget.IsMetBy(hash));
        var hits = new NonceHits();
        new Sha256dScalarScanner().Scan(scan, nonce - 1000, 2001, hits);
        Assert.Contains(nonce, hits.ToArray());
    }

    [Fact]
    public void Version_rolling_changes_only_masked_bits_of_the_hashed_version()
    {
        JsonElement vector = StratumVectors.Named("bitcoin-testnet3-block-5062063");
        StratumJob job = JobThroughSession(vector);
        var work = new StratumWork(job, Difficulty.FromInteger(1), Algorithms.Sha256d, 0x1fffe000, false);
        byte[] extranonce2 = job.Extranonce2(10);

        byte[] header = work.BuildHeader(extranonce2, job.NTime, 0xffffffff, 0);

        Assert.Equal(0x20000000u | 0x1fffe000u, BitConverter.ToUInt32(header, 0));
        Assert.Equal(job.BuildHeader(extranonce2, job.NTime, job.Version, 0)[4..], header[4..]);
        Assert.Equal(0x1fffe000u, work.CreateShare(extranonce2, job.NTime, 1, 0xffffffff).VersionBits);
    }

    [Fact]
    public void Extranonce2_is_the_little_endian_counter_in_exactly_the_pool_size()
    {
        StratumJob job = JobThroughSession(StratumVectors.Named("bitcoin-testnet3-block-5062063"));

        Assert.Equal("0a000000", Convert.ToHexStringLower(job.Extranonce2(10)));
        Assert.Equal("ffffffff", Convert.ToHexStringLower(job.Extranonce2(uint.MaxValue)));
        Assert.Throws<ArgumentOutOfRangeException>(() => job.Extranonce2(1UL << 32));
        Assert.Throws<ArgumentException>(() => job.BuildHeader(new byte[3], 0, 0, 0));
    }

    private static StratumJob JobThroughSession(JsonElement vector)
    {
        var session = new StratumSession(4, "iotminer/test");
        string subscribe = $"[[[\"mining.notify\",\"1\"]],\"{vector.GetProperty("extranonce1").GetString()}\",{vector.GetProperty("extranonce2_size").GetInt32()}]";
        Assert.True(SubscribeResult.TryParse(JsonDocument.Parse(subscribe).RootElement, out SubscribeResult? result));
        session.ApplySubscribe(result, samePool: false);
        Assert.True(StratumLineParser.TryParse(StratumVectors.NotifyLine(vector), out StratumInbound? notify, out string problem), problem);
        Assert.True(session.Apply(notify).WorkChanged);
        return session.CurrentJob!;
    }
}
