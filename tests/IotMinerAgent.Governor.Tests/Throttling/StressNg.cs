using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace IotMinerAgent.Governor.Tests.Throttling;

/// <summary>Finds stress-ng, installing it with apt-get when missing; fails loudly when neither works.</summary>
internal static class StressNg
{
    public static string Locate()
    {
        string? found = Find();
        if (found is not null)
        {
            return found;
        }

        (int exitCode, string output) = Run("apt-get", "install -y stress-ng", TimeSpan.FromMinutes(3));
        return Find() ?? throw new XunitException(
            $"stress-ng is not installed and `apt-get install -y stress-ng` failed (exit {exitCode}). " +
            $"Install it as root (apt-get install stress-ng) and rerun. apt-get said:{Environment.NewLine}{Tail(output)}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "stress-ng"))
            .FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output) Run(string fileName, string arguments, TimeSpan timeout)
    {
        try
        {
            var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using Process process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out after " + timeout);
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    private static string Tail(string text) => string.Join(Environment.NewLine, text.Split('\n').TakeLast(8));
}
