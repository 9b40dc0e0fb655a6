using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>Finds the repository's portable sources: every *.cs under any folder named <c>Portable</c> outside tests/.</summary>
internal static class PortableSources
{
    /// <summary>
    /// Top-level folders never searched: tests/ (a test project's Portable/ folder holds .NET tests of portable code,
    /// not portable code) and build or tool output.
    /// </summary>
    public static readonly IReadOnlyList<string> SkippedTopFolders = ["tests", "bin", "obj", "node_modules"];

    private const string PortableFolderName = "Portable";
    private const string SolutionFileName = "IotMinerAgent.sln";

    /// <summary>The repository root: the nearest folder above the test binaries that holds the solution file.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} above {AppContext.BaseDirectory}: run the tests from inside the repository checkout.");
    }

    /// <summary>Reads every portable source under <paramref name="root"/>, ordered by path.</summary>
    public static IReadOnlyList<PortableSource> Load(string root)
    {
        return Directory.EnumerateDirectories(root)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.') && !SkippedTopFolders.Contains(Path.GetFileName(folder)))
            .SelectMany(folder => Directory.EnumerateDirectories(folder, PortableFolderName, SearchOption.AllDirectories))
            .Where(dir => !IsBuildOutput(root, dir))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(root, file))
            .Distinct(StringComparer.Ordinal)
            .Select(file => new PortableSource(DisplayPath(root, file), File.ReadAllText(file)))
            .OrderBy(source => source.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static string DisplayPath(string root, string file)
    {
        return Path.GetRelativePath(root, file).Replace('\\', '/');
    }

    private static bool IsBuildOutput(string root, string path)
    {
        string[] segments = DisplayPath(root, path).Split('/');
        return segments.Contains("bin") || segments.Contains("obj");
    }
}
