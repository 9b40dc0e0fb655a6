using System;
using System.Text.Json.Nodes;
using CsCheck;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway;

namespace IotMinerAgent.Linux.Tests.Gateway;

public sealed class DeviceWorkJsonTests
{
    static readonly Gen<(uint First, ulong Count)> AnyRange =
        Gen.UInt.SelectMany(first => Gen.ULong[1, NonceRange.Limit - first].Select(count => (first, count)));

    static readonly Gen<DeviceJob> AnyJob = Gen.OneOf(
        Gen.Select(Gen.UInt, Gen.UInt.Array[8], Gen.Byte.Array[12], Gen.UInt.Array[8], AnyRange, Gen.UInt, Gen.UInt,
            (id, midstate, tail, target, range, issued, life) => DeviceJob.ForSha256d(id, midstate, tail, new Target(target), range.First, range.Count, issued, life)),
        Gen.Select(Gen.UInt, Gen.Byte.Array[76], Gen.UInt.Array[8], AnyRange, Gen.UInt, Gen.UInt,
            (id, prefix, target, range, issued, life) => DeviceJob.ForScrypt(id, prefix, new Target(target), range.First, range.Count, issued, life)));

    static string Sha256dJson() => DeviceWorkJson.ToJson(DeviceJob.ForSha256d(5, new uint[8], new byte[12], Target.Max, 0, 1, 0, 60));

    static string With(string json, string field, JsonNode? value)
    {
        JsonObject node = JsonNode.Parse(json)!.AsObject();
        node[field] = value;
        return node.ToJsonString();
    }

    static string Without(string json, string field)
    {
        JsonObject node = JsonNode.Parse(json)!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }

    [Fact]
    public void Every_job_survives_json_and_back()
    {
        AnyJob.Sample(job => Assert.Equal(job.Encode(), DeviceWorkJson.JobFromJson(DeviceWorkJson.ToJson(job)).Encode()));
    }

    [Fact]
    public void Every_share_and_verdict_survives_json_and_back()
    {
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte, Gen.Bool, (id, nonce, zeros, hint) => hint ? new DeviceShare(id, nonce, zeros) : new DeviceShare(id, nonce))
            .Sample(share => Assert.Equal(share.Encode(), DeviceWorkJson.ShareFromJson(DeviceWorkJson.ToJson(share)).Encode()));
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte[0, 6], Gen.Char[' ', '~'].Array[0, 64],
                (id, nonce, code, reason) => new DeviceVerdict(id, nonce, (DeviceVerdictCode)code, new string(reason)))
            .Sample(verdict => Assert.Equal(verdict.Encode(), DeviceWorkJson.VerdictFromJson(DeviceWorkJson.ToJson(verdict)).Encode()));
    }

    [Fact]
    public void Target_is_in_display_order()
    {
        var target = Target.Parse("00000000ffff0000000000000000000000000000000000000000000000000000");
        string json = DeviceWorkJson.ToJson(DeviceJob.ForScrypt(1, new byte[76], target, 0, 1, 0, 0));

        Assert.Equal(target.ToHex(), JsonNode.Parse(json)!["target"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("algo", "\"duco-s1\"", "\"algo\" is \"duco-s1\", expected \"sha256d\" or \"scrypt\"")]
    [InlineData("v", "2", "\"v\" is 2, but this code reads version 1")]
    [InlineData("midstate", "\"00\"", "\"midstate\" is 1 bytes, expected 32")]
    [InlineData("tail", "\"zz\"", "\"tail\" must be 24 hex digits")]
    [InlineData("target", "\"ff\"", "\"target\" must be 64 hex digits")]
    [InlineData("count", "0", "\"count\" must be a nonce range")]
    [InlineData("count", "4294967297", "\"count\" must be a nonce range")]
    [InlineData("job", "-1", "\"job\" must be a UInt32")]
    [InlineData("first_nonce", "\"7\"", "\"first_nonce\" must be a UInt32")]
    public void Bad_job_json_names_the_field(string field, string value, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DeviceWorkJson.JobFromJson(With(Sha256dJson(), field, JsonNode.Parse(value))));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_fields_and_bad_verdicts_are_named()
    {
        Assert.Contains("\"lifetime_s\" is missing", Assert.Throws<FormatException>(() => DeviceWorkJson.JobFromJson(Without(Sha256dJson(), "lifetime_s"))).Message);
        string verdict = DeviceWorkJson.ToJson(new DeviceVerdict(1, 2, DeviceVerdictCode.RejectedStale, "late"));

        Assert.Contains("\"verdict\" is \"maybe\"", Assert.Throws<FormatException>(() => DeviceWorkJson.VerdictFromJson(With(verdict, "verdict", "maybe"))).Message);
        Assert.Contains("\"reason\" must be at most 64 printable ASCII", Assert.Throws<FormatException>(() => DeviceWorkJson.VerdictFromJson(With(verdict, "reason", "é"))).Message);
        Assert.Contains("a JSON object", Assert.Throws<FormatException>(() => DeviceWorkJson.ShareFromJson("[1]")).Message);
    }
}
