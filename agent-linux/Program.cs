using IotMinerAgent.Linux.Cli;

namespace IotMinerAgent.Linux;

/// <summary>Entry point of the <c>iotminer</c> command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command.</summary>
    public static int Main(string[] args) => CommandLineApp.Run(args, System.Console.Out, System.Console.Error);
}
