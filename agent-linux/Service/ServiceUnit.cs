using System;
using System.IO;

namespace IotMinerAgent.Linux.Service;

/// <summary>The unit file for a given agent binary.</summary>
public static class ServiceUnit
{
    /// <summary>The binary the packaged unit starts.</summary>
    public const string PackagedBinary = "/usr/bin/iotminer";

    /// <summary>
    /// Directories the unit hides from the service (ProtectHome=yes: /home, /root, /run/user; PrivateTmp=yes: /tmp,
    /// /var/tmp): a binary there would not be found when systemd starts it.
    /// </summary>
    private static readonly string[] HiddenDirectories = ["/home", "/root", "/run/user", "/tmp", "/var/tmp"];

    /// <summary>The unit text, starting <paramref name="binary"/> instead of <see cref="PackagedBinary"/>.</summary>
    public static string Render(string binary)
    {
        CheckBinaryPath(binary);
        const string packagedStart = "ExecStart=" + PackagedBinary + " ";
        string unit = EmbeddedFiles.Unit;
        if (!unit.Contains(packagedStart, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The embedded unit has no '{packagedStart}' line: the build is broken.");
        }

        return unit.Replace(packagedStart, "ExecStart=" + binary + " ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Rejects a binary path systemd could not start under this unit; the message names the path, the reason and the fix.
    /// </summary>
    public static void CheckBinaryPath(string binary)
    {
        if (!Path.IsPathFullyQualified(binary))
        {
            throw new ServiceSetupException($"--binary '{binary}' is not an absolute path: systemd needs one, e.g. /usr/lib/iotminer/iotminer.");
        }

        // systemd.service(5) splits ExecStart= at spaces and expands '%' specifiers; a plain path needs neither.
        if (binary.AsSpan().IndexOfAny(" \t\"'\\%;") >= 0)
        {
            throw new ServiceSetupException($"--binary '{binary}' contains a space, quote, backslash, '%' or ';': move the app to a plain path such as /opt/iotminer/iotminer.");
        }

        foreach (string hidden in HiddenDirectories)
        {
            if (binary.StartsWith(hidden + "/", StringComparison.Ordinal))
            {
                throw new ServiceSetupException(
                    $"--binary '{binary}' is under {hidden}, which the unit hides from the service (ProtectHome=, PrivateTmp=): " +
                    "copy the published app to /opt/iotminer (or /usr/local/lib/iotminer) and install from there.");
            }
        }
    }
}
