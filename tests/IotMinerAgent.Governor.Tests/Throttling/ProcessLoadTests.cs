using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace IotMinerAgent.Governor.Tests.Throttling;

/// <summary>The load accounting behind <see cref="StressNgIdleTests"/>: who counts as "other", who as the project's own.</summary>
public sealed class ProcessLoadTests
{
    [Fact]
    [Trait("Category", "RealLoad")]
    public async Task Counts_an_unrelated_busy_process_and_leaves_out_what_the_test_started()
    {
        // `setsid -f` detaches the loop from this process, like a process some other user started.
        string marker = "load-probe-" + Guid.NewGuid().ToString("N")[..8];
        using Process child = Process.Start("bash", ["-c", $"exec -a {marker}-child bash -c 'while :; do :; done'"]);
        using Process detacher = Process.Start("setsid", ["-f", "bash", "-c", $"exec -a {marker}-detached bash -c 'while :; do :; done'"]);
        await detacher.WaitForExitAsync();
        try
        {
            BusyProcess[] busy = await ProcessLoad.SampleAsync(TimeSpan.FromSeconds(1));

            BusyProcess detached = Assert.Single(busy, p => p.CommandLine.StartsWith(marker + "-detached", StringComparison.Ordinal));
            Assert.True(detached.CpuPercent > 1, $"a busy loop used only {detached.CpuPercent:F1} %");
            Assert.False(detached.IsProjects);
            Assert.DoesNotContain(busy, p => p.CommandLine.StartsWith(marker + "-child", StringComparison.Ordinal));
            Assert.DoesNotContain(busy, p => p.Pid == Environment.ProcessId);
        }
        finally
        {
            child.Kill();
            Process.Start("pkill", ["-f", marker])?.WaitForExit();
        }
    }

    [Theory]
    [InlineData("mosquitto", "/usr/sbin/mosquitto -c /tmp/x/mosquitto.conf", true)]
    [InlineData("litecoind", "litecoind -regtest -datadir=/tmp/n1", true)]
    [InlineData("dotnet", "/usr/share/dotnet/dotnet /src/agent-linux/bin/iotminer.dll run", true)]
    [InlineData("dotnet", "dotnet exec --runtimeconfig /src/tests/IotMinerAgent.Linux.Tests/bin/x.runtimeconfig.json testhost.dll", true)]
    [InlineData("dotnet", "dotnet build tests/IotMinerAgent.Linux.Tests", false)]
    [InlineData("dotnet", "/usr/share/dotnet/dotnet /usr/share/dotnet/sdk/10.0.401/MSBuild.dll /nodemode:1 IotMinerAgent.sln", false)]
    [InlineData("gcc", "gcc -O2 x.c", false)]
    public void Tells_the_projects_processes_from_the_machines(string name, string commandLine, bool projects) =>
        Assert.Equal(projects, new BusyProcess(1234, name, commandLine, 50).IsProjects);

    [Fact]
    public void A_busy_process_of_the_projects_own_fails_the_real_load_test_naming_it()
    {
        var leaked = new BusyProcess(4321, "mosquitto", "/usr/sbin/mosquitto -c /tmp/t/m.conf", 42);
        var outside = new BusyProcess(99, "apt-get", "apt-get update", 60);

        var failure = Assert.ThrowsAny<Exception>(() => QuietMachine.FailIfProjects([outside, leaked]));
        Assert.Contains("pid 4321 mosquitto 42 %", failure.Message);
        QuietMachine.FailIfProjects([outside]); // load from outside the project is no failure
    }
}
