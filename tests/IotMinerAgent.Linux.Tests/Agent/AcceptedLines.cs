using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// Reads the agent's accepted-share log: a share alone ("Share &lt;id&gt; accepted: …") or a summary ("12 shares accepted
/// in the last 10 s, …", "11 more shares accepted …"). Each share is in exactly one of them, so they add up.
/// </summary>
internal static partial class AcceptedLines
{
    /// <summary>Shares the lines report accepted.</summary>
    public static long Count(IEnumerable<string> lines) =>
        lines.Sum(l => Alone().IsMatch(l) ? 1 : Summary().Match(l) is { Success: true } m ? long.Parse(m.Groups[1].Value) : 0);

    /// <summary>Lines that report accepted shares (alone or summarised).</summary>
    public static int Lines(IEnumerable<string> lines) => lines.Count(l => Alone().IsMatch(l) || Summary().IsMatch(l));

    /// <summary>Summary lines only.</summary>
    public static int Summaries(IEnumerable<string> lines) => lines.Count(l => Summary().IsMatch(l));

    [GeneratedRegex(@"Share [0-9a-f-]{36} accepted: ")]
    private static partial Regex Alone();

    [GeneratedRegex(@"\b(\d+) (?:more )?shares accepted in the last \d+ s, best difficulty ")]
    private static partial Regex Summary();
}
