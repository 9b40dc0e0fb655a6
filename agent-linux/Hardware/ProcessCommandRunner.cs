using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>Runs commands as child processes, killing any that outlive the timeout.</summary>
/// <param name="timeout">How long a command may take (vcgencmd and loginctl answer in milliseconds).</param>
public sealed class ProcessCommandRunner(TimeSpan timeout) : ICommandRunner
{
    /// <summary>A runner with a two-second timeout.</summary>
    public ProcessCommandRunner()
        : this(TimeSpan.FromSeconds(2))
    {
    }

    /// <inheritdoc/>
    public bool TryRun(string fileName, IReadOnlyList<string> arguments, out string output)
    {
        output = string.Empty;
        var start = new ProcessStartInfo(fileName)
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
            using Process process = Process.Start(start) ?? throw new Win32Exception($"{fileName} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            output = stdout.GetAwaiter().GetResult();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            // Not installed (no vcgencmd off a Pi, no loginctl without systemd): "not available here".
            return false;
        }
    }
}
