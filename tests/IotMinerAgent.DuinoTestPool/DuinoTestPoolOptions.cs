using System;

namespace IotMinerAgent.DuinoTestPool;

/// <summary>How a <see cref="DuinoPool"/> behaves; every default is what a friendly official pool does.</summary>
public sealed class DuinoTestPoolOptions
{
    /// <summary>The first line sent on every connection (the official pools send their version, e.g. 4.3).</summary>
    public string VersionLine { get; set; } = "4.3";

    /// <summary>The answer to MOTD.</summary>
    public string Motd { get; set; } = "You are mining on the in-process Duino test pool";

    /// <summary>
    /// When set, every job has this difficulty whatever the tier asked (tests keep jobs small); null uses the tier's
    /// start difficulty.
    /// </summary>
    public uint? Difficulty { get; set; }

    /// <summary>
    /// When set, a result for a job requested at an easier tier is answered "BAD,Too low starting difficulty" and one
    /// at a harder tier "BAD,Too high starting difficulty" (the pools' tier moves); the job request names the tier.
    /// </summary>
    public string? RequiredTier { get; set; }

    /// <summary>When set, every JOB request and every result is answered "BAD,&lt;this&gt;" (User banned, Too many workers).</summary>
    public string? BanReason { get; set; }

    /// <summary>How many of the next correct results are answered "BAD,Incorrect result" anyway.</summary>
    public int WrongResultAnswers { get; set; }

    /// <summary>How many of the next correct results are answered BLOCK instead of GOOD.</summary>
    public int BlockAnswers { get; set; }

    /// <summary>How many of the next JOB requests get a malformed job line.</summary>
    public int MalformedJobs { get; set; }

    /// <summary>Closes a connection right after it has had this many results answered; 0 never does.</summary>
    public int DropAfterResults { get; set; }

    /// <summary>How long the pool waits before every answer (a slow, far-away node).</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;
}
