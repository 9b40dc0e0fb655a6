using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotMinerAgent.NanoSurface.Tests.Api;

/// <summary>
/// One real nanoFramework library's public API, as recorded in <c>Baselines/&lt;Assembly&gt;.&lt;version&gt;.txt</c> by
/// tests/scripts/nano-baselines.sh from the library's sources at its release tag.
/// </summary>
internal sealed partial class Baseline
{
    private Baseline(string assembly, string version, string origin, HashSet<string> lines)
    {
        Assembly = assembly;
        Version = version;
        Origin = origin;
        Lines = lines;
    }

    /// <summary>Where the baselines are copied next to the test binaries (see the .csproj).</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Baselines");

    private static readonly Lazy<IReadOnlyList<Baseline>> AllOnce = new(Load);

    /// <summary>Every committed baseline, ordered by assembly name.</summary>
    public static IReadOnlyList<Baseline> All => AllOnce.Value;

    public string Assembly { get; }

    public string Version { get; }

    /// <summary>The release the listing was read from (its header's "From" line).</summary>
    public string Origin { get; }

    public HashSet<string> Lines { get; }

    /// <summary>The file name, as a reader finds it in the repository.</summary>
    public string FileName => $"{Assembly}.{Version}.txt";

    /// <summary>The baseline of <paramref name="assembly"/>, or null when none is committed.</summary>
    public static Baseline? Of(string assembly) => All.FirstOrDefault(b => b.Assembly == assembly);

    /// <summary>Types (and their libraries) whose simple name is <paramref name="name"/>, outside <paramref name="except"/>.</summary>
    public static IEnumerable<(Baseline Library, string Type)> TypesNamed(string name, string except)
    {
        return All
            .Where(b => b.Assembly != except)
            .SelectMany(b => b.Lines.Where(IsType).Where(t => SimpleName(t) == name).Select(t => (b, t)));
    }

    /// <summary>Lines of this library whose member has the same full name as <paramref name="line"/>'s.</summary>
    public IEnumerable<string> Overloads(string line)
    {
        string name = ApiListing.NameOf(line);
        return Lines.Where(l => ApiListing.NameOf(l) == name).Order(StringComparer.Ordinal);
    }

    /// <summary>A type line is a bare full name: members carry " -> ".</summary>
    public static bool IsType(string line) => !line.Contains(" -> ", StringComparison.Ordinal);

    private static string SimpleName(string type)
    {
        string name = type.Split('<')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static IReadOnlyList<Baseline> Load()
    {
        return Directory.EnumerateFiles(Folder, "*.txt")
            .Select(Parse)
            .OrderBy(b => b.Assembly, StringComparer.Ordinal)
            .ToList();
    }

    private static Baseline Parse(string file)
    {
        Match name = FileNamePattern().Match(Path.GetFileName(file));
        if (!name.Success)
        {
            throw new InvalidDataException($"{file}: a baseline is named <Assembly>.<major>.<minor>.<patch>.txt (tests/scripts/nano-baselines.sh writes them).");
        }

        string[] text = File.ReadAllLines(file);
        string origin = text.FirstOrDefault(l => l.StartsWith("# From ", StringComparison.Ordinal))?["# From ".Length..].TrimEnd('.')
            ?? throw new InvalidDataException($"{file}: the header names no release (\"# From ...\"): regenerate it with tests/scripts/nano-baselines.sh.");
        HashSet<string> lines = text.Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        return new Baseline(name.Groups["assembly"].Value, name.Groups["version"].Value, origin, lines);
    }

    [GeneratedRegex(@"^(?<assembly>.+)\.(?<version>\d+\.\d+\.\d+)\.txt$")]
    private static partial Regex FileNamePattern();
}
