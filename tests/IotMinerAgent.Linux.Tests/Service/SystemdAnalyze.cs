using System;
using System.Globalization;
using System.IO;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using IotMinerAgent.Linux.Platform;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

/// <summary>
/// Runs systemd-analyze (package systemd; no systemd as PID 1 needed) on a unit, in a temporary root that holds the
/// host's unit library (for sysinit.target and friends) and an executable at the unit's ExecStart path.
/// </summary>
[SupportedOSPlatform("linux")]
internal static partial class SystemdAnalyze
{
    public static CommandResult Verify(string unitText, string binary = ServiceUnit.PackagedBinary)
    {
        using var root = new TempDirectory();
        string units = root.Combine("etc/systemd/system");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Join(units, ServicePaths.UnitName), unitText);
        CopyDirectory(HostUnitLibrary(), root.Combine("usr/lib/systemd/system"));
        string executable = root.Combine(binary);
        Directory.CreateDirectory(Path.GetDirectoryName(executable)!);
        File.WriteAllText(executable, "#!/bin/sh\n");
        File.SetUnixFileMode(executable, (UnixFileMode)Convert.ToInt32("755", 8));
        return Run("verify", "--root=" + root.Path, ServicePaths.UnitName);
    }

    /// <summary>The overall exposure `systemd-analyze security --offline=true` gives the unit (0 = best, 10 = worst).</summary>
    public static double SecurityExposure(string unitText, out string report)
    {
        using var directory = new TempDirectory();
        string unit = directory.Combine(ServicePaths.UnitName);
        File.WriteAllText(unit, unitText);
        CommandResult result = Run("security", "--offline=true", "--no-pager", unit);
        report = result.Output + result.Error;
        Match overall = OverallExposure().Match(report);
        Assert.True(overall.Success, "systemd-analyze security printed no overall exposure level:\n" + report);
        return double.Parse(overall.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static CommandResult Run(params string[] arguments)
    {
        CommandResult result = new ProcessCommandRunner().Run("systemd-analyze", arguments);
        Assert.True(result.ExitCode != 127, "systemd-analyze is missing: apt-get install systemd (tests/scripts/install-test-deps.sh installs it).");
        return result;
    }

    private static string HostUnitLibrary() =>
        Directory.Exists("/usr/lib/systemd/system/sysinit.target") || File.Exists("/usr/lib/systemd/system/sysinit.target")
            ? "/usr/lib/systemd/system"
            : "/lib/systemd/system";

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*.target"))
        {
            File.Copy(file, Path.Join(to, Path.GetFileName(file)));
        }
    }

    [GeneratedRegex(@"Overall exposure level for \S+: ([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex OverallExposure();
}
