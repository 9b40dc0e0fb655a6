using IotMinerAgent.Linux.Cli;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux;

/// <summary>Entry point of the <c>iotminer</c> command.</summary>
public static class Program
{
    /// <summary>Moves to the build for this CPU's instruction sets if there is one, then runs the chosen command.</summary>
    public static int Main(string[] args)
    {
        InstructionSetVariant.ExecBestOrContinue(args, System.Console.Error);
        return CommandLineApp.Run(args, System.Console.Out, System.Console.Error);
    }
}
