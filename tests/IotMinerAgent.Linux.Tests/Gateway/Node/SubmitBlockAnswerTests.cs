using System.Text.Json;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class SubmitBlockAnswerTests
{
    [Theory]
    [InlineData("null", false, UpstreamVerdict.BlockAccepted)]
    [InlineData("\"duplicate\"", false, UpstreamVerdict.Stale)]
    [InlineData("\"duplicate\"", true, UpstreamVerdict.BlockAccepted)]
    [InlineData("\"duplicate-inconclusive\"", false, UpstreamVerdict.Stale)]
    [InlineData("\"inconclusive\"", false, UpstreamVerdict.Stale)]
    [InlineData("\"stale-prevblk\"", false, UpstreamVerdict.Stale)]
    [InlineData("\"prev-blk-not-found\"", false, UpstreamVerdict.Stale)]
    [InlineData("\"high-hash\"", false, UpstreamVerdict.Rejected)]
    [InlineData("\"bad-txnmrklroot\"", false, UpstreamVerdict.Rejected)]
    [InlineData("\"duplicate-invalid\"", false, UpstreamVerdict.Rejected)]
    [InlineData("42", false, UpstreamVerdict.Rejected)]
    public void Maps_submitblock_answers_to_verdicts(string answer, bool earlierAttempt, UpstreamVerdict verdict)
    {
        UpstreamResult result = SubmitBlockAnswer.Judge(JsonDocument.Parse(answer).RootElement, earlierAttempt);

        Assert.Equal(verdict, result.Verdict);
        if (verdict == UpstreamVerdict.BlockAccepted && !earlierAttempt)
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

        Assert.Equal(UpstreamVerdict.Rejected, result.Verdict);
        HostileText.AssertNone(result.Reason, "the submitblock reason");
        Assert.StartsWith("bad " + HostileText.ClearScreenEscaped, result.Reason);
    }
}
