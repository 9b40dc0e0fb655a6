using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Platform;

/// <summary>Runs commands as child processes, capturing their output and killing any that outlive the timeout.</summary>
/// <param name="timeout">How long a command may take; null waits for it (the installer's useradd, systemctl).</param>
public sealed class ProcessCommandRunner(TimeSpan? timeout = null) : ICommandRunner
{
    /// <summary>Exit code reported for a command killed at the timeout, as timeout(1) reports it.</summary>
    public const int TimedOut = 124;

    /// <summary>Exit code reported for a program that could not be started (not installed), as a shell reports it.</summary>
    public const int NotFound = 127;

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
            using Process process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start.");

            // Read both pipes at once: a child that fills one while we wait on the other would block forever.
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (timeout is TimeSpan limit && !process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return new CommandResult(TimedOut, string.Empty, $"{program}: no answer within {limit.TotalSeconds} s");
            }

            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        catch (Win32Exception ex)
        {
            // Not installed (no vcgencmd off a Pi, no loginctl without systemd): "not available here".
            return new CommandResult(NotFound, string.Empty, $"{program}: {ex.Message}");
        }
    }
}
