using System.CommandLine;
using System.IO;

namespace IotMinerAgent.Linux.Cli;

/// <summary>Builds the <c>iotminer</c> command tree and runs it.</summary>
public static class CommandLineApp
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("iotminer — a mining agent for IoT boards that mines only with the owner's consent.");
        ParseResult parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
