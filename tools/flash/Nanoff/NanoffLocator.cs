using System;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>
/// Finds the nanoff executable: <c>--nanoff PATH</c> if given, else the first <c>nanoff</c> on PATH, else
/// <c>~/.dotnet/tools/nanoff</c> (where <c>dotnet tool install -g</c> puts it, often not on PATH).
/// </summary>
public static class NanoffLocator
{
    /// <summary>How to get nanoff, for error messages and the README.</summary>
    public const string InstallHint = "install it with: dotnet tool install -g nanoff (and add ~/.dotnet/tools to PATH), or pass --nanoff PATH";

    /// <summary>The nanoff to run, or a failure that says how to install it.</summary>
    public static string Locate(string? explicitPath, string pathVariable, string homeDirectory) =>
        TryLocate(explicitPath, pathVariable, homeDirectory) ?? throw new StepFailedException(explicitPath is null
            ? $"nanoff was not found on PATH or in {Path.Combine(homeDirectory, ".dotnet", "tools")}: {InstallHint}."
            : $"--nanoff {explicitPath}: no executable file there; {InstallHint}.");

    /// <summary>The nanoff to run, or null when there is none.</summary>
    public static string? TryLocate(string? explicitPath, string pathVariable, string homeDirectory)
    {
        if (explicitPath is not null)
        {
            return IsExecutable(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        return pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(homeDirectory, ".dotnet", "tools"))
            .Select(dir => Path.Combine(dir, "nanoff"))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
