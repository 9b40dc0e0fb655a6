using System;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash;

/// <summary>Entry point of iotminer-flash.</summary>
public static class Program
{
    /// <summary>Runs the tool against this process's console and environment.</summary>
    public static int Main(string[] args) =>
        FlashCli.Run(args, new ToolContext(Console.Out, Console.Error, ToolEnvironment.FromProcess()));
}
