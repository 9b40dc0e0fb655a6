using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Service;

/// <summary>Runs commands as child processes, capturing their output.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <inheritdoc />
    public CommandResult Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;

            // Read both pipes at once: a child that fills one while we wait on the other would block forever.
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        catch (Win32Exception ex)
        {
            return new CommandResult(127, string.Empty, $"{program}: {ex.Message}");
        }
    }
}
