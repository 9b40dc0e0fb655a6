using System;
using System.Diagnostics;
using System.IO;

namespace IotMinerAgent.Linux.Tests;

/// <summary>
/// The <c>iotminer</c> that process tests start: by default the iotminer.dll built beside the tests, run by the same
/// dotnet host; with <c>IOTMINER_UNDER_TEST</c> set to an executable (the NativeAOT build the Debian package ships,
/// <c>packaging/build-deb.sh</c>), that executable instead, so the same tests prove the packaged build.
/// </summary>
internal static class AgentExecutable
{
    /// <summary>The environment variable naming a published <c>iotminer</c> executable to test instead of the built dll.</summary>
    public const string Variable = "IOTMINER_UNDER_TEST";

    /// <summary>The command line prefix (program, then arguments before the verb) that runs <c>iotminer</c>.</summary>
    public static string[] Command()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } published)
        {
            return File.Exists(published)
                ? [published]
                : throw new InvalidOperationException($"{Variable}={published}: no such file; point it at a published iotminer executable or unset it");
        }

        string host = Environment.ProcessPath is string path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return [host, Path.Combine(AppContext.BaseDirectory, "iotminer.dll")];
    }

    /// <summary>A start description for <c>iotminer</c> with <paramref name="arguments"/> (the verb first), output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        string[] command = Command();
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
