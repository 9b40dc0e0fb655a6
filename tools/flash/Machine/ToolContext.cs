using System.IO;

namespace IotMinerAgent.Flash.Machine;

/// <summary>Where the tool writes and what it reads from the machine.</summary>
/// <param name="Out">Progress, commands and results.</param>
/// <param name="Error">Errors and warnings.</param>
/// <param name="Environment">PATH, home, /dev and the working directory.</param>
public sealed record ToolContext(TextWriter Out, TextWriter Error, ToolEnvironment Environment)
{
    /// <summary>A path from the command line, made absolute against the working directory.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, Environment.WorkingDirectory);
}
