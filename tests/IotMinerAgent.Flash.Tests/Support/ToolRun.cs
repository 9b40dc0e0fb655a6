using System.IO;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Tests.Support;

/// <summary>The outcome of one in-process run of the CLI.</summary>
public sealed record ToolRun(int ExitCode, string Out, string Error)
{
    public static ToolRun Of(ToolEnvironment environment, params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int code = FlashCli.Run(args, new ToolContext(output, error, environment));
        return new ToolRun(code, output.ToString(), error.ToString());
    }
}
