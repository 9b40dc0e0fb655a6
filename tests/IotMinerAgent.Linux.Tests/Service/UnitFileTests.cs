using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Versioning;
using IotMinerAgent.Linux.Platform;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

[SupportedOSPlatform("linux")]
public class UnitFileTests
{
    [Fact]
    public void Systemd_analyze_verify_accepts_the_unit_without_a_single_complaint()
    {
        CommandResult verify = SystemdAnalyze.Verify(EmbeddedFiles.Unit);
        Assert.True(verify.Succeeded && verify.Output.Trim().Length == 0 && verify.Error.Trim().Length == 0,
            $"systemd-analyze verify (exit {verify.ExitCode}):\n{verify.Output}{verify.Error}");
    }

    [Fact]
    public void Systemd_analyze_verify_reports_a_misspelt_directive_so_the_check_above_can_fail()
    {
        string broken = EmbeddedFiles.Unit.Replace("ProtectHome=yes", "ProtectHomes=yes", StringComparison.Ordinal);
        CommandResult verify = SystemdAnalyze.Verify(broken);
        Assert.Contains("ProtectHomes", verify.Output + verify.Error);
    }

    [Fact]
    public void Systemd_analyze_security_rates_the_unit_OK_or_better()
    {
        double exposure = SystemdAnalyze.SecurityExposure(EmbeddedFiles.Unit, out string report);
        Assert.True(exposure <= 2.0, $"exposure {exposure} > 2.0:\n{report}");
    }

    [Fact]
    public void Systemd_analyze_security_would_see_a_weakened_unit_so_the_score_check_can_fail()
    {
        string weak = string.Join('\n', EmbeddedFiles.Unit.Split('\n').Where(line =>
            !line.StartsWith("Protect", StringComparison.Ordinal) && !line.StartsWith("SystemCall", StringComparison.Ordinal)
            && !line.StartsWith("Private", StringComparison.Ordinal) && !line.StartsWith("CapabilityBoundingSet", StringComparison.Ordinal)));
        double exposure = SystemdAnalyze.SecurityExposure(weak, out string report);
        Assert.True(exposure > 2.0, report);
    }

    [Theory]
    [InlineData("Type", "notify")]
    [InlineData("NotifyAccess", "main")]
    [InlineData("ExecStart", "/usr/bin/iotminer run --config /etc/iotminer/iotminer.json")]
    [InlineData("User", "iotminer")]
    [InlineData("StateDirectory", "iotminer")]
    [InlineData("ConfigurationDirectory", "iotminer")]
    [InlineData("WatchdogSec", "30")]
    [InlineData("Restart", "on-failure")]
    [InlineData("RestartPreventExitStatus", "78")]
    [InlineData("Nice", "19")]
    [InlineData("CPUSchedulingPolicy", "idle")]
    [InlineData("ProtectSystem", "strict")]
    [InlineData("ProtectHome", "yes")]
    [InlineData("PrivateTmp", "yes")]
    [InlineData("NoNewPrivileges", "yes")]
    [InlineData("CapabilityBoundingSet", "")]
    [InlineData("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX AF_NETLINK")]
    [InlineData("MemoryDenyWriteExecute", "no")]
    public void The_service_section_sets(string key, string value)
    {
        Assert.Equal(value, ServiceSection()[key]);
    }

    [Fact]
    public void The_rendered_unit_starts_the_given_binary_and_changes_nothing_else()
    {
        string rendered = ServiceUnit.Render("/opt/iotminer/iotminer");
        Assert.Contains("ExecStart=/opt/iotminer/iotminer run --config /etc/iotminer/iotminer.json\n", rendered);
        Assert.Equal(EmbeddedFiles.Unit.Replace("ExecStart=/usr/bin/iotminer ", "ExecStart=/opt/iotminer/iotminer ", StringComparison.Ordinal), rendered);
        Assert.True(SystemdAnalyze.Verify(rendered, "/opt/iotminer/iotminer").Succeeded);
    }

    [Theory]
    [InlineData("iotminer", "absolute")]
    [InlineData("/home/pi/iotminer/iotminer", "/home")]
    [InlineData("/root/iotminer", "/root")]
    [InlineData("/tmp/publish/iotminer", "/tmp")]
    [InlineData("/opt/my miner/iotminer", "space")]
    [InlineData("/opt/100%/iotminer", "'%'")]
    public void A_binary_path_systemd_could_not_start_is_refused_with_the_reason(string binary, string reason)
    {
        var ex = Assert.Throws<ServiceSetupException>(() => ServiceUnit.Render(binary));
        Assert.Contains(reason, ex.Message);
        Assert.Contains(binary, ex.Message);
    }

    private static Dictionary<string, string> ServiceSection()
    {
        var values = new Dictionary<string, string>();
        bool inService = false;
        foreach (string line in EmbeddedFiles.Unit.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                inService = line == "[Service]";
            }
            else if (inService && line.Length > 0 && line[0] != '#' && line.Contains('=', StringComparison.Ordinal))
            {
                string key = line[..line.IndexOf('=', StringComparison.Ordinal)];
                values[key] = values.TryGetValue(key, out string? earlier) ? earlier + "\n" + line[(key.Length + 1)..] : line[(key.Length + 1)..];
            }
        }

        return values;
    }
}
