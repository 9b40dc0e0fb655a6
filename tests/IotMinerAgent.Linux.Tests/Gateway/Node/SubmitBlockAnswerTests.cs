using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class SubmitBlockAnswerTests
{
    [Theory]
    [InlineData("null", false, ShareVerdict.BlockAccepted)]
    [InlineData("\"duplicate\"", false, ShareVerdict.Stale)]
    [InlineData("\"duplicate\"", true, ShareVerdict.BlockAccepted)]
    [InlineData("\"duplicate-inconclusive\"", false, ShareVerdict.Stale)]
    [InlineData("\"inconclusive\"", false, ShareVerdict.Stale)]
    [InlineData("\"stale-prevblk\"", false, ShareVerdict.Stale)]
    [InlineData("\"prev-blk-not-found\"", false, ShareVerdict.Stale)]
    [InlineData("\"high-hash\"", false, ShareVerdict.Rejected)]
    [InlineData("\"bad-txnmrklroot\"", false, ShareVerdict.Rejected)]
    [InlineData("\"duplicate-invalid\"", false, ShareVerdict.Rejected)]
    [InlineData("42", false, ShareVerdict.Rejected)]
    public void Maps_submitblock_answers_to_verdicts(string answer, bool earlierAttempt, ShareVerdict verdict)
    {
        UpstreamResult result = SubmitBlockAnswer.Judge(JsonDocument.Parse(answer).RootElement, earlierAttempt);

        Assert.Equal(verdict, result.Verdict);
        if (verdict == ShareVerdict.BlockAccepted && !earlierAttempt)
        {
            Assert.Empty(result.Reason);
        }
        else
        {
            Assert.Contains(answer.Trim('"'), result.Reason);
        }
    }

    [Fact]
    public void A_reason_with_terminal_controls_comes_out_escaped()
    {
        UpstreamResult result = SubmitBlockAnswer.Judge(JsonDocument.Parse(JsonSerializer.Serialize("bad " + HostileText.All)).RootElement, false);

        Assert.Equal(ShareVerdict.Rejected, result.Verdict);
        HostileText.AssertNone(result.Reason, "the submitblock reason");
        Assert.StartsWith("bad " + HostileText.ClearScreenEscaped, result.Reason);
    }
}
