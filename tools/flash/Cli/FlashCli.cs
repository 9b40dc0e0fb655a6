using System.CommandLine;
using System.CommandLine.Parsing;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Cli;

/// <summary>The command line: one verb per concern, parse errors as usage errors (exit 2).</summary>
public static class FlashCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, ToolContext context)
    {
        RootCommand root = new("iotminer-flash: flash IotMinerAgent onto ESP32 boards with nanoff")
        {
            new FlashCommand(context),
            new ImageCommand(context),
            new ConfigCommand(context),
            new PortsCommand(context),
        };
        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (ParseError error in result.Errors)
            {
                context.Error.WriteLine("iotminer-flash: " + error.Message);
            }

            context.Error.WriteLine("Run 'iotminer-flash --help' (or 'iotminer-flash VERB --help') for usage.");
            return ExitCodes.Usage;
        }

        return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
