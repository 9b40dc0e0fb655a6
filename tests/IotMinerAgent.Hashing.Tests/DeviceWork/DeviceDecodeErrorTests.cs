using System;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

/// <summary>Every way a decoder refuses a message, each with a message naming the field and the problem.</summary>
public class DeviceDecodeErrorTests
{
    private static byte[] Sha256dJob() => DeviceJob.ForSha256d(9, new uint[8], new byte[12], Target.Max, 100, 50, 1, 2).Encode();

    private static byte[] With(byte[] message, int offset, params byte[] bytes)
    {
        byte[] copy = (byte[])message.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    private static string JobError(byte[] message) => Assert.Throws<DeviceMessageException>(() => DeviceJob.Decode(message)).Message;

    private static string ShareError(byte[] message) => Assert.Throws<DeviceMessageException>(() => DeviceShare.Decode(message)).Message;

    private static string VerdictError(byte[] message) => Assert.Throws<DeviceMessageException>(() => DeviceVerdict.Decode(message)).Message;

    [Fact]
    public void Null_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DeviceJob.Decode(null!));
        Assert.Throws<ArgumentNullException>(() => DeviceShare.Decode(null!));
        Assert.Throws<ArgumentNullException>(() => DeviceVerdict.Decode(null!));
    }

    [Fact]
    public void Preamble_errors_name_length_version_and_kind()
    {
        Assert.Contains("shorter than the 4-byte preamble", JobError([1, 1, 1]));
        Assert.Contains("version (byte 0) is 2", JobError(With(Sha256dJob(), 0, 2)));
        Assert.Contains("kind (byte 1) is 2, expected 1", JobError(new DeviceShare(1, 2).Encode()));
        Assert.Contains("kind (byte 1) is 1, expected 2", ShareError(Sha256dJob()));
        Assert.Contains("kind (byte 1) is 2, expected 3", VerdictError(new DeviceShare(1, 2).Encode()));
    }

    [Fact]
    public void Job_errors_name_the_field()
    {
        Assert.Contains("algorithm (byte 2) is 3", JobError(With(Sha256dJob(), 2, 3)));
        Assert.Contains("reserved byte 3 is 1", JobError(With(Sha256dJob(), 3, 1)));
        Assert.Contains("length is 104 bytes, expected exactly 136", JobError(With(Sha256dJob(), 2, DeviceJob.AlgorithmScrypt)));
        Assert.Contains("length is 105 bytes, expected exactly 104", JobError([.. Sha256dJob(), 0]));
        Assert.Contains("nonce count (bytes 12..19) is 0", JobError(With(Sha256dJob(), 12, 0)));
        Assert.Contains("nonce range passes 2^32: first nonce 100 + count 4294967197",
            JobError(With(Sha256dJob(), 12, 0x9D, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0)));
    }

    [Fact]
    public void Share_errors_name_the_field()
    {
        byte[] share = new DeviceShare(1, 2).Encode();

        Assert.Contains("length is 13 bytes, expected exactly 12", ShareError([.. share, 0]));
        Assert.Contains("flags (byte 2) are 2", ShareError(With(share, 2, 2)));
        Assert.Contains("hint (byte 3) is 5 but the hint flag", ShareError(With(share, 3, 5)));
    }

    [Fact]
    public void Verdict_errors_name_the_field()
    {
        byte[] verdict = new DeviceVerdict(1, 2, DeviceVerdictCode.RejectedStale, "new block").Encode();

        Assert.Contains("verdict code (byte 2) is 9, expected 0..8", VerdictError(With(verdict, 2, 9)));
        Assert.Contains("reason length (byte 3) is 65, at most 64", VerdictError(With(verdict, 3, 65)));
        Assert.Contains("length is 21 bytes, expected exactly 22", VerdictError(With(verdict, 3, 10)));
        Assert.Contains("reason byte 12 is 10, not printable ASCII", VerdictError(With(verdict, 12, 10)));
    }
}
