using System;
using CsCheck;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

public class DeviceShareAndVerdictTests
{
    [Fact]
    public void Every_share_survives_encode_and_decode()
    {
        DeviceWorkGen.Share.Sample(share =>
        {
            byte[] bytes = share.Encode();
            DeviceShare back = DeviceShare.Decode(bytes);

            Assert.Equal(DeviceShare.Length, bytes.Length);
            Assert.Equal((share.JobId, share.Nonce, share.HasHint, share.LeadingZeroBits), (back.JobId, back.Nonce, back.HasHint, back.LeadingZeroBits));
        });
    }

    [Fact]
    public void Every_verdict_survives_encode_and_decode()
    {
        DeviceWorkGen.Verdict.Sample(verdict =>
        {
            byte[] bytes = verdict.Encode();
            DeviceVerdict back = DeviceVerdict.Decode(bytes);

            Assert.Equal(DeviceVerdict.FixedLength + verdict.Reason.Length, bytes.Length);
            Assert.Equal((verdict.JobId, verdict.Nonce, verdict.Code, verdict.Reason), (back.JobId, back.Nonce, back.Code, back.Reason));
        });
    }

    [Fact]
    public void Leading_zero_bits_count_from_the_most_significant_end_of_the_little_endian_hash()
    {
        byte[] genesis = Hex.DecodeReversed("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

        Assert.Equal(43, DeviceShare.LeadingZeroBitsOf(genesis));
        Assert.Equal(255, DeviceShare.LeadingZeroBitsOf(new byte[32]));
        Assert.Equal(0, DeviceShare.LeadingZeroBitsOf(Hex.DecodeReversed("80" + new string('0', 62))));
    }

    [Fact]
    public void Only_accepted_and_block_found_count_as_accepted()
    {
        foreach (DeviceVerdictCode code in Enum.GetValues<DeviceVerdictCode>())
        {
            bool expected = code is DeviceVerdictCode.Accepted or DeviceVerdictCode.BlockFound;
            Assert.Equal(expected, new DeviceVerdict(1, 2, code, "").IsAccepted);
            Assert.Equal(code == DeviceVerdictCode.AcceptedPending, new DeviceVerdict(1, 2, code, "").IsPending);
        }
    }

    [Fact]
    public void Verdict_constructor_refuses_unknown_codes_and_bad_reasons()
    {
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new DeviceVerdict(1, 2, (DeviceVerdictCode)9, "")).ParamName);
        Assert.Contains("at most 64", Assert.Throws<ArgumentException>(() => new DeviceVerdict(1, 2, 0, new string('x', 65))).Message);
        Assert.Contains("character 3", Assert.Throws<ArgumentException>(() => new DeviceVerdict(1, 2, 0, "abcé")).Message);
    }
}
