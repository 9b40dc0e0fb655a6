using System;
using System.Linq;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>How a nanoff run ended and everything it printed (stdout and stderr, interleaved as they arrived).</summary>
/// <param name="ExitCode">The process exit code (nanoff's ExitCodes, modulo 256 on Linux).</param>
/// <param name="Output">Everything it printed.</param>
public sealed record NanoffResult(int ExitCode, string Output)
{
    /// <summary>The last <paramref name="count"/> non-empty lines: nanoff prints its error (e.g. "Error E4003: …") last.</summary>
    public string Tail(int count)
    {
        string[] lines = Output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - count)));
    }
}
