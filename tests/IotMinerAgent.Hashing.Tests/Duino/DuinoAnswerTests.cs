using System;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Hashing.Tests.Duino;

/// <summary>Parsing the pool's job and feedback lines, and refusing malformed ones with <see cref="DuinoProtocolException"/>.</summary>
public class DuinoAnswerTests
{
    private const string LastHash = "416dc20fb261ec2dcf72147be57efc372fb765b1";
    private const string Expected = "dfa67daef0bbac93da38772c7bbd6e28b839bc43";

    [Fact]
    public void Job_line_of_the_vector_parses_and_solves_to_its_nonce()
    {
        DuinoJob job = DuinoJob.Parse(LastHash + "," + Expected + ",7500");

        Assert.Equal(LastHash, job.LastHash);
        Assert.Equal(Expected, job.ExpectedHash);
        Assert.Equal(7500u, job.Difficulty);
        Assert.Equal(175514, DucoS1.Solve(job.ToWork())); // tests/vectors/duco-s1.json
    }

    [Theory]
    [InlineData("", "expected 3 fields, got 1")]
    [InlineData("BAD,Too many workers", "expected 3 fields, got 2")]
    [InlineData(LastHash + "," + Expected + ",7500,9", "expected 3 fields, got 4")]
    [InlineData("416dc2," + Expected + ",7500", "last_hash must be 40 hex digits, got 6")]
    [InlineData(LastHash + ",dfa67daef0bbac93da38772c7bbd6e28b839bc4g,7500", "expected_hash must be hex digits; found a non-hex character at 39")]
    [InlineData(LastHash + "," + Expected + ",0", "out of range")]
    [InlineData(LastHash + "," + Expected + ",-5", "non-digit at 0")]
    [InlineData(LastHash + "," + Expected + ",", "1 to 8 decimal digits")]
    [InlineData(LastHash + "," + Expected + ",123456789", "1 to 8 decimal digits")]
    [InlineData(LastHash + "," + Expected + ",42949673", "out of range")]
    public void Malformed_job_lines_are_refused_naming_the_problem(string line, string problem)
    {
        DuinoProtocolException error = Assert.Throws<DuinoProtocolException>(() => DuinoJob.Parse(line));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Good_and_block_are_accepted_bad_is_rejected_with_its_reason()
    {
        DuinoFeedback good = DuinoFeedback.Parse("GOOD");
        DuinoFeedback block = DuinoFeedback.Parse("BLOCK");
        DuinoFeedback bad = DuinoFeedback.Parse("BAD,Incorrect result");

        Assert.Equal((DuinoFeedbackKind.Good, ShareVerdict.Accepted, ""), (good.Kind, good.Verdict, good.Reason));
        Assert.Equal((DuinoFeedbackKind.Block, ShareVerdict.Accepted, ""), (block.Kind, block.Verdict, block.Reason));
        Assert.Equal((DuinoFeedbackKind.Bad, ShareVerdict.Rejected, DuinoBadReasons.IncorrectResult), (bad.Kind, bad.Verdict, bad.Reason));
    }

    [Fact]
    public void Bad_without_a_reason_has_an_empty_reason()
    {
        Assert.Equal("", DuinoFeedback.Parse("BAD").Reason);
    }

    [Theory]
    [InlineData("GOOD", true)]
    [InlineData("BAD,User banned", true)]
    [InlineData("GOODBYE", false)]
    [InlineData(LastHash + "," + Expected + ",7500", false)]
    [InlineData("Pong!", false)]
    public void Feedback_lines_are_told_apart_from_jobs(string line, bool feedback)
    {
        Assert.Equal(feedback, DuinoFeedback.IsFeedback(line));
    }

    [Fact]
    public void Unknown_feedback_word_is_a_protocol_error()
    {
        Assert.Throws<DuinoProtocolException>(() => DuinoFeedback.Parse("MAYBE,later"));
    }

    [Theory]
    [InlineData(DuinoBadReasons.TooManyWorkers, true)]
    [InlineData(DuinoBadReasons.UserBanned, true)]
    [InlineData(DuinoBadReasons.IncorrectResult, false)]
    [InlineData(DuinoBadReasons.TooLowStartingDifficulty, false)]
    public void Bans_stop_mining(string reason, bool stops)
    {
        Assert.Equal(stops, DuinoBadReasons.StopsMining(reason));
    }

    [Theory]
    [InlineData("4.3", true)]
    [InlineData("3.0", true)]
    [InlineData("10", true)]
    [InlineData("", false)]
    [InlineData("4.3.1", false)]
    [InlineData("HTTP/1.1 400", false)]
    [InlineData(".4", false)]
    [InlineData("123456789", false)]
    public void Version_line_shape(string line, bool version)
    {
        Assert.Equal(version, DuinoServerVersion.IsVersion(line));
    }
}
