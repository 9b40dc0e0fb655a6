using System.IO;
using IotMinerAgent.Linux.Cli;

namespace IotMinerAgent.Linux.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
