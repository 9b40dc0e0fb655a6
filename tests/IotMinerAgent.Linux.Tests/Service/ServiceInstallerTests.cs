using System;
using System.IO;
using System.Runtime.Versioning;
using IotMinerAgent.Linux.Platform;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

[SupportedOSPlatform("linux")]
public sealed class ServiceInstallerTests : IDisposable
{
    private const string Binary = "/usr/lib/iotminer/iotminer";
    private readonly TempDirectory _root = new();
    private readonly StringWriter _output = new();

    public ServiceInstallerTests()
    {
        string binary = _root.Combine(Binary);
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.WriteAllText(binary, "#!/bin/sh\n");
    }

    private string Config => _root.Combine(ServicePaths.ConfigFile);

    private string Unit => _root.Combine(ServicePaths.InstalledUnitFile);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void First_install_creates_the_user_directories_private_config_and_unit_but_starts_nothing_without_consent()
    {
        RecordingRunner runner = RecordingRunner.WithoutUser();
        Installer(runner).Install(Binary, start: true);

        Assert.Equal(
            new[]
            {
                "getent passwd iotminer",
                "useradd --system --user-group --home-dir /var/lib/iotminer --no-create-home --shell /usr/sbin/nologin --comment IotMinerAgent mining agent iotminer",
                $"chown iotminer:iotminer {_root.Combine("/var/lib/iotminer")}",
                $"chown root:iotminer {Config}",
                "systemctl daemon-reload",
            },
            runner.Commands);
        Assert.Equal(EmbeddedFiles.ExampleConfig, File.ReadAllText(Config));
        Assert.Equal("640", Mode(Config));
        Assert.Equal("755", Mode(_root.Combine("/etc/iotminer")));
        Assert.Equal("750", Mode(_root.Combine("/var/lib/iotminer")));
        Assert.Equal(ServiceUnit.Render(Binary), File.ReadAllText(Unit));
        Assert.Equal("644", Mode(Unit));
        Assert.Contains("Not enabled", _output.ToString());
        Assert.Contains("\"consent\": true", _output.ToString());
    }

    [Fact]
    public void With_consent_it_enables_and_restarts_the_service_and_never_touches_the_owners_config()
    {
        string owners = "// mine\n{ \"consent\": true, \"pools\": [ { \"url\": \"stratum+tcp://pool:3333\", \"user\": \"me\" } ] }\n";
        WriteConfig(owners, "600");
        var runner = new RecordingRunner();
        Installer(runner).Install(Binary, start: true);

        Assert.Equal(owners, File.ReadAllText(Config));
        Assert.Equal("600", Mode(Config));
        Assert.DoesNotContain(runner.Commands, c => c.StartsWith("useradd", StringComparison.Ordinal) || c.Contains(Config, StringComparison.Ordinal));
        Assert.Equal(new[] { "systemctl daemon-reload", "systemctl enable iotminer.service", "systemctl restart iotminer.service" }, runner.Commands[^3..]);
    }

    [Fact]
    public void No_start_installs_without_enabling_even_with_consent()
    {
        WriteConfig("{ \"consent\": true }", "640");
        var runner = new RecordingRunner();
        Installer(runner).Install(Binary, start: false);

        Assert.False(runner.Ran("systemctl enable"));
        Assert.False(runner.Ran("systemctl restart"));
        Assert.True(File.Exists(Unit));
    }

    [Fact]
    public void A_config_every_user_can_read_is_kept_with_a_warning()
    {
        WriteConfig("{ \"consent\": false }", "644");
        Installer(new RecordingRunner()).Install(Binary, start: true);
        Assert.Contains("warning: every user can read /etc/iotminer/iotminer.json", _output.ToString());
        Assert.Equal("644", Mode(Config));
    }

    [Fact]
    public void Without_root_nothing_is_run_or_written_and_the_error_says_sudo()
    {
        var runner = new RecordingRunner();
        var ex = Assert.Throws<ServiceSetupException>(() => new ServiceInstaller(new ServicePaths(_root.Path), runner, isRoot: false, _output).Install(Binary, start: true));
        Assert.Contains("sudo iotminer service install", ex.Message);
        Assert.Empty(runner.Commands);
        Assert.False(Directory.Exists(_root.Combine("/etc")));
    }

    [Fact]
    public void A_missing_binary_is_refused()
    {
        var ex = Assert.Throws<ServiceSetupException>(() => Installer(new RecordingRunner()).Install("/opt/iotminer/iotminer", start: true));
        Assert.Contains("'/opt/iotminer/iotminer' does not exist", ex.Message);
    }

    [Fact]
    public void When_the_Debian_package_owns_the_service_install_and_uninstall_point_to_it()
    {
        string packaged = _root.Combine("/lib/systemd/system/iotminer.service");
        Directory.CreateDirectory(Path.GetDirectoryName(packaged)!);
        File.WriteAllText(packaged, EmbeddedFiles.Unit);
        var runner = new RecordingRunner();

        Assert.Contains("systemctl enable --now iotminer", Assert.Throws<ServiceSetupException>(() => Installer(runner).Install(Binary, start: true)).Message);
        Assert.Contains("apt remove iotminer", Assert.Throws<ServiceSetupException>(() => Installer(runner).Uninstall(purge: false)).Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public void A_system_without_systemd_fails_with_systemctls_own_message()
    {
        RecordingRunner runner = new RecordingRunner().Answer(
            "systemctl daemon-reload", new CommandResult(1, string.Empty, "System has not been booted with systemd as init system (PID 1). Can't operate.\n"));
        var ex = Assert.Throws<ServiceSetupException>(() => Installer(runner).Install(Binary, start: true));
        Assert.Equal("'systemctl daemon-reload' failed (exit 1): System has not been booted with systemd as init system (PID 1). Can't operate.", ex.Message);
    }

    [Fact]
    public void Uninstall_stops_disables_and_removes_the_unit_but_keeps_config_state_and_user()
    {
        Installer(new RecordingRunner()).Install(Binary, start: true);
        var runner = new RecordingRunner();
        Installer(runner).Uninstall(purge: false);

        Assert.Equal(new[] { "systemctl disable --now iotminer.service", "systemctl daemon-reload" }, runner.Commands);
        Assert.False(File.Exists(Unit));
        Assert.True(File.Exists(Config));
        Assert.True(Directory.Exists(_root.Combine("/var/lib/iotminer")));
        Assert.Contains("--purge deletes them", _output.ToString());
    }

    [Fact]
    public void Uninstall_with_purge_also_deletes_config_state_and_the_user()
    {
        Installer(new RecordingRunner()).Install(Binary, start: true);
        File.WriteAllText(_root.Combine("/var/lib/iotminer/outbox.db"), "shares");
        var runner = new RecordingRunner();
        Installer(runner).Uninstall(purge: true);

        Assert.False(Directory.Exists(_root.Combine("/etc/iotminer")));
        Assert.False(Directory.Exists(_root.Combine("/var/lib/iotminer")));
        Assert.Equal("userdel iotminer", runner.Commands[^1]);
    }

    [Fact]
    public void Status_summarises_systemd_state_and_the_configs_consent()
    {
        WriteConfig("{ \"consent\": true }", "640");
        RecordingRunner runner = new RecordingRunner().Answer(
            "systemctl show iotminer.service --property=LoadState,ActiveState,SubState,UnitFileState,StatusText,MainPID,NRestarts,FragmentPath",
            new CommandResult(0, "LoadState=loaded\nActiveState=active\nSubState=running\nUnitFileState=enabled\nStatusText=12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool p:3333\nMainPID=1234\nNRestarts=2\nFragmentPath=/etc/systemd/system/iotminer.service\n", string.Empty));
        Installer(runner).Status();

        Assert.Equal(
            "iotminer.service: active (running), enabled, pid 1234, 2 restarts\n" +
            "  status: 12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool p:3333\n" +
            "  unit:   /etc/systemd/system/iotminer.service\n" +
            "  config: /etc/iotminer/iotminer.json (consent: true)\n" +
            "  state:  /var/lib/iotminer\n",
            _output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Status_of_a_machine_without_the_service_says_how_to_install_it()
    {
        RecordingRunner runner = new RecordingRunner().Answer(
            "systemctl show iotminer.service --property=LoadState,ActiveState,SubState,UnitFileState,StatusText,MainPID,NRestarts,FragmentPath",
            new CommandResult(0, "LoadState=not-found\nActiveState=inactive\n", string.Empty));
        Installer(runner).Status();

        Assert.Contains("not installed", _output.ToString());
        Assert.Contains("config: /etc/iotminer/iotminer.json (missing)", _output.ToString());
    }

    [Fact]
    public void Systemctl_show_values_may_contain_equals_signs()
    {
        var properties = ServiceInstaller.ParseProperties("StatusText=a=b\nMainPID=7\n");
        Assert.Equal("a=b", properties["StatusText"]);
        Assert.Equal("7", properties["MainPID"]);
    }

    private ServiceInstaller Installer(RecordingRunner runner) => new(new ServicePaths(_root.Path), runner, isRoot: true, _output);

    private void WriteConfig(string text, string octalMode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Config)!);
        File.WriteAllText(Config, text);
        File.SetUnixFileMode(Config, (UnixFileMode)Convert.ToInt32(octalMode, 8));
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
