using System;
using IotMinerAgent.NanoSurface.Tests.Checking;
using IotMinerAgent.NanoSurface.Tests.Compiling;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>Small portable files for the tests: the offending line carries the marker <c>// &lt;-</c>.</summary>
internal static class PortableSnippet
{
    public const string Path = "hashing-core/Portable/Snippet.cs";

    private const string Marker = "// <-";

    /// <summary>A portable file with <paramref name="members"/> inside a class, as portable code is written.</summary>
    public static string InClass(string members)
    {
        return "using System;\n\nnamespace IotMinerAgent.Hashing\n{\n    public sealed class Snippet\n    {\n"
            + members + "\n    }\n}\n";
    }

    /// <summary>The 1-based line holding the marker.</summary>
    public static int MarkedLine(string text)
    {
        string[] lines = text.Split('\n');
        int index = Array.FindIndex(lines, line => line.Contains(Marker, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"The snippet has no '{Marker}' marker on its offending line:\n{text}", nameof(text));
        }

        return index + 1;
    }

    public static NanoCheckResult Check(string text)
    {
        return NanoCheck.Run([new PortableSource(Path, text)]);
    }

    /// <summary>The snippet as a whole file when it starts with "using" or holds "namespace", else wrapped in a class.</summary>
    public static string File(string code)
    {
        return code.StartsWith("using", StringComparison.Ordinal) || code.Contains("namespace", StringComparison.Ordinal)
            ? code
            : InClass(code);
    }
}
