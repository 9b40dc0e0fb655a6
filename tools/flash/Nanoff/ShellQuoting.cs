using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>POSIX shell quoting, so a dry run prints commands that can be pasted into a shell as they are.</summary>
public static partial class ShellQuoting
{
    /// <summary>Quotes one word: bare when it has only safe characters, else in single quotes (a quote becomes '\'').</summary>
    public static string Quote(string word) =>
        word.Length > 0 && SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>Quotes and joins a command line.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafeWord();
}
