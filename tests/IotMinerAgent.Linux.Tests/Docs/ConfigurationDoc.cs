using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Linux.Tests.Docs;

/// <summary>docs/configuration.md, found above the test's output folder: the keys its tables document.</summary>
internal static partial class ConfigurationDoc
{
    /// <summary>Every documented key as written in the first column (<c>stratum:pools:N:url</c>), <c>gateway:stratum:*</c> expanded to the stratum keys.</summary>
    public static readonly IReadOnlyList<string> Keys = Parse(File.ReadAllText(Find()));

    /// <summary>Keys whose "allowed" column is only "text": there is no wrong value to give them.</summary>
    public static readonly IReadOnlySet<string> FreeText = ParseFreeText(File.ReadAllText(Find()));

    private static List<string> Parse(string text)
    {
        var keys = new List<string>();
        bool gatewayStratum = false;
        foreach (string cell in FirstCells(text))
        {
            foreach (Match key in BacktickedKey().Matches(cell))
            {
                if (key.Groups[1].Value == "gateway:stratum:*")
                {
                    gatewayStratum = true;
                }
                else
                {
                    keys.Add(key.Groups[1].Value);
                }
            }
        }

        Assert.True(gatewayStratum, "docs/configuration.md no longer has the gateway:stratum:* row this parser expands");
        keys.AddRange(keys.Where(k => k.StartsWith("stratum:", StringComparison.Ordinal)).Select(k => "gateway:" + k).ToList());
        return keys;
    }

    private static HashSet<string> ParseFreeText(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            string[] cells = line.Split('|');
            if (cells.Length > 3 && cells[3].Trim() == "text")
            {
                foreach (Match key in BacktickedKey().Matches(cells[1]))
                {
                    keys.Add(key.Groups[1].Value);
                }
            }
        }

        return keys;
    }

    // The first cell of every table row that documents a key ("| `key` | default | allowed | meaning |").
    private static IEnumerable<string> FirstCells(string text)
        => text.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('|')[1]);

    [GeneratedRegex(@"`([A-Za-z_][A-Za-z0-9_:*]*)`")]
    private static partial Regex BacktickedKey();

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "configuration.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/configuration.md not found above " + AppContext.BaseDirectory);
    }
}
