using System;
using System.IO;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Cli;

/// <summary>Runs a verb's work and turns the problems it reports into a message on stderr and an exit code.</summary>
public static class CommandAction
{
    /// <summary>Runs <paramref name="work"/>; returns its exit code, or the code of the problem it threw.</summary>
    public static int Run(ToolContext context, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (FlashToolException e)
        {
            context.Error.WriteLine("iotminer-flash: " + e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine("iotminer-flash: " + e.Message);
            return ExitCodes.StepFailed;
        }
    }
}
