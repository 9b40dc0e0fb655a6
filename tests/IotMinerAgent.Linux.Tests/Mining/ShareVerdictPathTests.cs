using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Tests.Docs;

namespace IotMinerAgent.Linux.Tests.Mining;

/// <summary>
/// One verdict vocabulary: every verdict the Stratum client can give reaches the mining loop, the MQTT outbox and the
/// gateway's upstream answer unchanged, and the published <c>result</c> text is the one docs/mqtt.md lists.
/// </summary>
public sealed class ShareVerdictPathTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iotminer-verdicts-").FullName;

    public static TheoryData<ShareVerdict> AllVerdicts() => new(Enum.GetValues<ShareVerdict>());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(AllVerdicts))]
    public void A_stratum_verdict_comes_back_unchanged_from_the_mining_loop_and_the_mqtt_outbox(ShareVerdict verdict)
    {
        var stratum = new ShareResult(verdict, verdict == ShareVerdict.Accepted ? null : "why: " + verdict);

        ShareOutcome mining = StratumWorkSource.OutcomeOf(stratum);
        ShareMessage published = ThroughOutbox(mining);

        Assert.Equal(verdict, mining.Verdict);
        Assert.Equal(stratum.Reason, mining.Reason);
        Assert.Equal(verdict, published.Result);
    }

    [Theory]
    [MemberData(nameof(AllVerdicts))]
    public void A_stratum_verdict_reaches_the_gateway_unchanged(ShareVerdict verdict)
    {
        UpstreamResult upstream = StratumUpstream.ResultOf(new ShareResult(verdict, null));

        Assert.Equal(verdict, upstream.Verdict);
        Assert.Equal(verdict == ShareVerdict.Accepted ? string.Empty : ShareVerdictText.Of(verdict), upstream.Reason);
    }

    [Theory]
    [InlineData(ShareVerdict.Accepted, "accepted")]
    [InlineData(ShareVerdict.Rejected, "rejected")]
    [InlineData(ShareVerdict.Stale, "stale")]
    [InlineData(ShareVerdict.BelowTarget, "below-target")]
    [InlineData(ShareVerdict.Dropped, "dropped")]
    public void The_published_result_is_the_text_docs_mqtt_md_lists(ShareVerdict verdict, string text)
    {
        string payload = ReadyPayload(ThroughJournal(new ShareOutcome(verdict, "reason")));

        Assert.Equal(text, JsonDocument.Parse(payload).RootElement.GetProperty("result").GetString());
        Assert.Contains($"`{text}`", ResultRowOfTheDoc());
    }

    [Fact]
    public void Every_verdict_has_its_own_text_and_reads_back()
    {
        ShareVerdict[] all = Enum.GetValues<ShareVerdict>();

        Assert.Equal(all.Length, all.Select(ShareVerdictText.Of).Distinct().Count());
        Assert.All(all, v => Assert.True(ShareVerdictText.TryParse(ShareVerdictText.Of(v), out ShareVerdict back) && back == v));
        Assert.False(ShareVerdictText.TryParse("Accepted", out _));
    }

    [Fact]
    public void An_unknown_result_text_in_a_payload_is_refused_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"id":"x","device_id":"d","found_at":"2025-01-01T00:00:00+00:00","algo":"sha256d","job_id":"j","nonce":"00000000","hash":"00","result":"maybe"}""",
            MqttJsonContext.Default.ShareMessage));

        Assert.Contains("'maybe'", error.Message);
    }

    private ShareMessage ThroughOutbox(ShareOutcome outcome) =>
        JsonSerializer.Deserialize(ReadyPayload(ThroughJournal(outcome)), MqttJsonContext.Default.ShareMessage)!;

    private ShareOutbox ThroughJournal(ShareOutcome outcome)
    {
        ShareOutbox outbox = ShareOutbox.Open(_directory);
        var journal = new MqttServices.OutboxJournal(outbox, "verdict-test", TimeSpan.FromMinutes(5));
        var share = new FoundShare(ShareMessage.NewId(), Job(), [0, 0, 0, 1], 7, new byte[32], 1, DateTimeOffset.UnixEpoch);
        journal.Found([share]);
        journal.Answered(share, outcome);
        return outbox;
    }

    private static string ReadyPayload(ShareOutbox outbox)
    {
        using (outbox)
        {
            return outbox.ReadyBatch(10).Single().PayloadJson;
        }
    }

    private static string ResultRowOfTheDoc() =>
        MqttDoc.Text.Split('\n').Single(line => line.StartsWith("| `result` |", StringComparison.Ordinal));

    private static TestJob Job() => new()
    {
        JobId = "j1",
        WorkKey = "j1",
        Algorithm = Algorithms.Sha256d,
        ShareDifficulty = Difficulty.FromInteger(1),
        Extranonce2Space = 1UL << 32,
    };

    private sealed class TestJob : MiningJob
    {
        public override string NtimeHex => "00000000";

        public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            extranonce2Bytes = BitConverter.GetBytes(extranonce2);
            return new HeaderWork(Algorithm, new byte[HeaderWork.HeaderLength], ShareTarget);
        }

        public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken) =>
            throw new NotSupportedException("This test job is never submitted.");
    }
}
