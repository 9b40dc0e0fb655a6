using System.CommandLine;
using System.IO;
using System.Linq;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Cli;

/// <summary>Builds the <c>iotminer</c> command tree and runs it.</summary>
public static class CommandLineApp
{
    /// <summary>Runs the command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = BuildRoot();
        ParseResult parsed = root.Parse(args.Select(ConfigSectionOverride).ToArray());
        if (parsed.Errors.Count > 0)
        {
            // One line naming the argument and what is expected, then where to read more.
            string verb = parsed.CommandResult.Command == root ? string.Empty : " " + parsed.CommandResult.Command.Name;
            error.WriteLine($"iotminer{verb}: {parsed.Errors[0].Message} (see 'iotminer{verb} --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"iotminer {parsed.CommandResult.Command.Name}: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// <c>--config:strict=true</c> is a configuration override (the <c>config</c> section), but System.CommandLine reads
    /// ':' as the delimiter of an option's argument and would take it for <c>--config strict=true</c>. The .NET
    /// command-line configuration provider also reads <c>/key=value</c>, which System.CommandLine leaves alone.
    /// </summary>
    private static string ConfigSectionOverride(string arg)
        => arg.StartsWith("--config:", System.StringComparison.OrdinalIgnoreCase) ? "/" + arg[2..] : arg;

    /// <summary>The whole command tree; every command carries a one-line description for <c>--help</c>.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("iotminer: a mining agent for IoT boards that mines only with the owner's consent, and never hides.");
        foreach (Command command in new Command[] { new HashCommand(), new ScanCommand(), new BenchCommand(), new EstimateCommand(), new StatusCommand(), new RunCommand(), new GatewayCommand(), new ConsentCommand(), new ServiceCommand() }.OrderBy(c => c.Name))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
