using System;

namespace IotMinerAgent.Flash.Machine;

/// <summary>What the tool reads from the machine, injectable so tests run against a directory of their own.</summary>
/// <param name="PathVariable">PATH, searched for nanoff and passed to it.</param>
/// <param name="HomeDirectory">Home: holds ~/.dotnet/tools and nanoff's ~/.nanoFramework/fw_cache.</param>
/// <param name="DevRoot">Where serial ports are looked for, normally <c>/dev</c>.</param>
/// <param name="WorkingDirectory">Base of relative paths.</param>
public sealed record ToolEnvironment(string PathVariable, string HomeDirectory, string DevRoot, string WorkingDirectory)
{
    /// <summary>The environment of this process.</summary>
    public static ToolEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable("PATH") ?? string.Empty,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        "/dev",
        Environment.CurrentDirectory);
}
