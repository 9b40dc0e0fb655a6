using System;
using System.IO;

namespace IotMinerAgent.Linux.Tests.Docs;

/// <summary>docs/mqtt.md, found above the test's output folder: its examples are tested as the contract.</summary>
internal static class MqttDoc
{
    /// <summary>The document's text.</summary>
    public static readonly string Text = File.ReadAllText(Find());

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "mqtt.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/mqtt.md not found above " + AppContext.BaseDirectory);
    }
}
