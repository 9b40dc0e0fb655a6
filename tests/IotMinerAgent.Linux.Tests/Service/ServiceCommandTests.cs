using System.CommandLine;
using System.IO;
using System.Runtime.Versioning;
using IotMinerAgent.Linux.Cli;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

[SupportedOSPlatform("linux")]
public class ServiceCommandTests
{
    [Fact]
    public void Install_passes_binary_and_no_start_to_the_installer_and_exits_0()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("/opt/iotminer"));
        File.WriteAllText(root.Combine("/opt/iotminer/iotminer"), string.Empty);
        Directory.CreateDirectory(root.Combine("/etc/iotminer"));
        File.WriteAllText(root.Combine("/etc/iotminer/iotminer.json"), "{ \"consent\": true }");
        var runner = new RecordingRunner();

        (int code, string output, string error) = Run(root, runner, isRoot: true, "service", "install", "--binary", "/opt/iotminer/iotminer", "--no-start");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("ExecStart=/opt/iotminer/iotminer run", File.ReadAllText(root.Combine("/etc/systemd/system/iotminer.service")));
        Assert.False(runner.Ran("systemctl enable"));
        Assert.Contains("--no-start", output);
    }

    [Fact]
    public void A_setup_failure_goes_to_stderr_with_exit_code_1()
    {
        using var root = new TempDirectory();
        (int code, string output, string error) = Run(root, new RecordingRunner(), isRoot: false, "service", "uninstall", "--purge");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("iotminer service uninstall: 'iotminer service uninstall' changes system files and must run as root", error);
    }

    [Fact]
    public void Status_needs_no_root()
    {
        using var root = new TempDirectory();
        (int code, string output, _) = Run(root, new RecordingRunner(), isRoot: false, "service", "status");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("config: /etc/iotminer/iotminer.json (missing)", output);
    }

    private static (int Code, string Output, string Error) Run(TempDirectory root, RecordingRunner runner, bool isRoot, params string[] args)
    {
        var command = new ServiceCommand(output => new ServiceInstaller(new ServicePaths(root.Path), runner, isRoot, output));
        var rootCommand = new RootCommand { command };
        var output = new StringWriter();
        var error = new StringWriter();
        int code = rootCommand.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
