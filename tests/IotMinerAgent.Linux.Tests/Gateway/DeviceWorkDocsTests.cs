using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Docs;

namespace IotMinerAgent.Linux.Tests.Gateway;

/// <summary>The binary examples in docs/mqtt.md ("Device work (binary)") are the contract: each hex decodes to its JSON and back.</summary>
public sealed partial class DeviceWorkDocsTests
{
    static readonly string s_doc = MqttDoc.Text;

    /// <summary>Each example of a kind as (bytes, JSON); the hex may be spread over lines and spaces for reading.</summary>
    static (byte[] Bytes, string Json)[] Examples(string kind) =>
        [.. Example().Matches(s_doc).Where(m => m.Groups[1].Value == kind)
            .Select(m => (Hex.Decode(Regex.Replace(m.Groups[2].Value, @"\s", "")), m.Groups[3].Value))];

    static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"docs/mqtt.md says\n{expected}\nthe code says\n{actual}");

    [Fact]
    public void Job_examples_decode_to_their_json_and_back()
    {
        var examples = Examples("job");

        Assert.Equal([Algorithms.Sha256d, Algorithms.Scrypt], examples.Select(e => DeviceJob.Decode(e.Bytes).Algorithm));
        foreach (var (bytes, json) in examples)
        {
            AssertSameJson(json, DeviceWorkJson.ToJson(DeviceJob.Decode(bytes)));
            Assert.Equal(bytes, DeviceWorkJson.JobFromJson(json).Encode());
        }
    }

    [Fact]
    public void Sha256d_job_example_is_the_genesis_header_and_holds_its_nonce()
    {
        DeviceJob job = DeviceJob.Decode(Examples("job")[0].Bytes);
        const uint GenesisNonce = 0x7c2bac1d;

        Assert.InRange(GenesisNonce - job.FirstNonce, 0u, (uint)job.NonceCount - 1);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", Hex.EncodeReversed(job.HashSha256d(GenesisNonce)));
        Assert.True(job.Meets(GenesisNonce));
    }

    [Fact]
    public void Share_example_decodes_to_its_json_and_is_the_genesis_nonce_of_the_job_example()
    {
        var (bytes, json) = Examples("share").Single();
        DeviceShare share = DeviceShare.Decode(bytes);
        DeviceJob job = DeviceJob.Decode(Examples("job")[0].Bytes);

        AssertSameJson(json, DeviceWorkJson.ToJson(share));
        Assert.Equal(bytes, DeviceWorkJson.ShareFromJson(json).Encode());
        Assert.Equal(job.JobId, share.JobId);
        Assert.Equal(DeviceShare.LeadingZeroBitsOf(job.HashSha256d(share.Nonce)), share.LeadingZeroBits);
    }

    [Fact]
    public void Verdict_example_decodes_to_its_json_and_back()
    {
        var (bytes, json) = Examples("verdict").Single();

        AssertSameJson(json, DeviceWorkJson.ToJson(DeviceVerdict.Decode(bytes)));
        Assert.Equal(bytes, DeviceWorkJson.VerdictFromJson(json).Encode());
    }

    [GeneratedRegex(@"<!-- device-example: (\w+) -->\s*```text\s*(.*?)```\s*```json\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
