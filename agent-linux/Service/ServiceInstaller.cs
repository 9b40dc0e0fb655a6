using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Service;

/// <summary>
/// <c>iotminer service install | uninstall | status</c>: sets the agent up as a systemd service the way the Debian
/// package does (system user, /etc/iotminer, /var/lib/iotminer, the hardened unit) for installs without the package.
/// Enables and starts the service only when the owner has given consent in the configuration.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ServiceInstaller(ServicePaths paths, ICommandRunner runner, bool isRoot, TextWriter output)
{
    private const UnixFileMode ConfigMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private const UnixFileMode UnitMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ConfigDirectoryMode = UnitMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode StateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
    private const string Enable = "sudo systemctl enable --now iotminer";

    /// <summary>
    /// Installs the service for the agent at <paramref name="binary"/> and, when the configuration gives consent and
    /// <paramref name="start"/> is true, enables and (re)starts it.
    /// </summary>
    public void Install(string binary, bool start)
    {
        RequireRoot("install");
        ServiceUnit.CheckBinaryPath(binary);
        if (!File.Exists(paths.Resolve(binary)))
        {
            throw new ServiceSetupException($"--binary '{binary}' does not exist: pass the path of the published iotminer executable.");
        }

        if (PackagedUnit() is string packaged)
        {
            throw new ServiceSetupException(
                $"the iotminer Debian package already installs the service ({packaged}): give consent in {ServicePaths.ConfigFile}, then run '{Enable}'.");
        }

        EnsureUser();
        CreateDirectory(ServicePaths.ConfigDirectory, ConfigDirectoryMode);
        CreateDirectory(ServicePaths.StateDirectory, StateDirectoryMode);
        Run("chown", $"{ServicePaths.User}:{ServicePaths.User}", paths.Resolve(ServicePaths.StateDirectory));
        WriteConfigIfAbsent();
        WriteUnit(ServiceUnit.Render(binary));
        Run("systemctl", "daemon-reload");

        ConsentReading consent = OwnerConsent.Read(paths.Resolve(ServicePaths.ConfigFile));
        if (!consent.IsGiven)
        {
            output.WriteLine($"Not enabled: {ServicePaths.ConfigFile}: {consent.Summary}. The agent mines only with the owner's consent:");
            output.WriteLine($"  set \"consent\": true in {ServicePaths.ConfigFile} (on hardware you own), then run '{Enable}'.");
        }
        else if (!start)
        {
            output.WriteLine($"Installed, not started (--no-start). Start it with '{Enable}'.");
        }
        else
        {
            Run("systemctl", "enable", ServicePaths.UnitName);
            Run("systemctl", "restart", ServicePaths.UnitName);
            output.WriteLine("Enabled and started iotminer.service. Watch it with 'systemctl status iotminer' and 'journalctl -u iotminer -f'.");
        }
    }

    /// <summary>
    /// Stops, disables and removes the unit <c>service install</c> wrote; with <paramref name="purge"/> also deletes the
    /// configuration, the state and the system user.
    /// </summary>
    public void Uninstall(bool purge)
    {
        RequireRoot("uninstall");
        if (PackagedUnit() is string packaged)
        {
            throw new ServiceSetupException(
                $"the service comes from the iotminer Debian package ({packaged}): remove it with 'sudo apt remove iotminer' (keeps configuration and state) or 'sudo apt purge iotminer' (deletes them).");
        }

        string unit = paths.Resolve(ServicePaths.InstalledUnitFile);
        if (File.Exists(unit))
        {
            CommandResult disable = runner.Run("systemctl", "disable", "--now", ServicePaths.UnitName);
            if (!disable.Succeeded)
            {
                output.WriteLine($"warning: systemctl disable --now {ServicePaths.UnitName} failed: {disable.Error.Trim()}");
            }

            File.Delete(unit);
            Run("systemctl", "daemon-reload");
            output.WriteLine($"Stopped, disabled and removed {ServicePaths.InstalledUnitFile}.");
        }
        else
        {
            output.WriteLine($"{ServicePaths.InstalledUnitFile} is not installed.");
        }

        if (purge)
        {
            Purge();
        }
        else
        {
            output.WriteLine($"Kept {ServicePaths.ConfigDirectory}, {ServicePaths.StateDirectory} and the {ServicePaths.User} user (--purge deletes them).");
        }
    }

    /// <summary>Prints the service's state, status line, unit, configuration and consent. Needs no root.</summary>
    public void Status()
    {
        CommandResult show = runner.Run(
            "systemctl", "show", ServicePaths.UnitName, "--property=LoadState,ActiveState,SubState,UnitFileState,StatusText,MainPID,NRestarts,FragmentPath");
        if (!show.Succeeded)
        {
            throw new ServiceSetupException($"systemctl show {ServicePaths.UnitName} failed (exit {show.ExitCode}): {show.Error.Trim()}");
        }

        Dictionary<string, string> unit = ParseProperties(show.Output);
        string Get(string key) => unit.GetValueOrDefault(key, string.Empty);
        if (Get("LoadState") == "not-found")
        {
            output.WriteLine($"{ServicePaths.UnitName}: not installed (install the iotminer package, or run 'sudo iotminer service install').");
        }
        else
        {
            string pid = Get("MainPID") is "" or "0" ? "no process" : "pid " + Get("MainPID");
            output.WriteLine($"{ServicePaths.UnitName}: {Get("ActiveState")} ({Get("SubState")}), {Get("UnitFileState")}, {pid}, {Get("NRestarts")} restarts");
            output.WriteLine($"  status: {(Get("StatusText").Length > 0 ? Get("StatusText") : "(none reported)")}");
            output.WriteLine($"  unit:   {Get("FragmentPath")}");
        }

        output.WriteLine($"  config: {ServicePaths.ConfigFile} ({ConfigSummary()})");
        output.WriteLine($"  state:  {ServicePaths.StateDirectory}");
    }

    /// <summary>Parses <c>systemctl show</c> output: one <c>Key=Value</c> per line (values may contain '=').</summary>
    internal static Dictionary<string, string> ParseProperties(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .GroupBy(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToDictionary(group => group.Key, group => group.Last()[(group.Key.Length + 1)..]);

    private string ConfigSummary()
    {
        string config = paths.Resolve(ServicePaths.ConfigFile);
        return File.Exists(config) ? OwnerConsent.Read(config).Summary : "missing";
    }

    private void RequireRoot(string verb)
    {
        if (!isRoot)
        {
            throw new ServiceSetupException($"'iotminer service {verb}' changes system files and must run as root: run 'sudo iotminer service {verb}'.");
        }
    }

    private string? PackagedUnit() => ServicePaths.PackagedUnitFiles.FirstOrDefault(unit => File.Exists(paths.Resolve(unit)));

    private void EnsureUser()
    {
        if (runner.Run("getent", "passwd", ServicePaths.User).Succeeded)
        {
            return;
        }

        // A system account: no password, no login shell, home = the state directory (not created here: that is ours).
        Run("useradd", "--system", "--user-group", "--home-dir", ServicePaths.StateDirectory, "--no-create-home",
            "--shell", "/usr/sbin/nologin", "--comment", "IotMinerAgent mining agent", ServicePaths.User);
        output.WriteLine($"Created the system user {ServicePaths.User}.");
    }

    private void CreateDirectory(string directory, UnixFileMode mode)
    {
        string path = paths.Resolve(directory);
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, mode);
    }

    private void WriteConfigIfAbsent()
    {
        string config = paths.Resolve(ServicePaths.ConfigFile);
        if (File.Exists(config))
        {
            output.WriteLine($"Kept the existing {ServicePaths.ConfigFile}.");
            if ((File.GetUnixFileMode(config) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                output.WriteLine($"warning: every user can read {ServicePaths.ConfigFile}, which holds pool credentials: sudo chmod 0640 {ServicePaths.ConfigFile}");
            }

            return;
        }

        // CreateNew: an owner's file that appeared meanwhile is never overwritten. The mode is set at creation, so the
        // file is never readable by others, not even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ConfigMode };
        using (var writer = new StreamWriter(config, options))
        {
            writer.Write(EmbeddedFiles.ExampleConfig);
        }

        File.SetUnixFileMode(config, ConfigMode);
        Run("chown", $"root:{ServicePaths.User}", config);
        output.WriteLine($"Wrote {ServicePaths.ConfigFile} from the example (consent false; edit it to choose pools and give consent).");
    }

    private void WriteUnit(string text)
    {
        string unit = paths.Resolve(ServicePaths.InstalledUnitFile);
        Directory.CreateDirectory(Path.GetDirectoryName(unit)!);
        string temporary = unit + ".new";
        File.WriteAllText(temporary, text);
        File.SetUnixFileMode(temporary, UnitMode);
        File.Move(temporary, unit, overwrite: true);
        output.WriteLine($"Wrote {ServicePaths.InstalledUnitFile}.");
    }

    private void Purge()
    {
        foreach (string directory in new[] { ServicePaths.ConfigDirectory, ServicePaths.StateDirectory })
        {
            string path = paths.Resolve(directory);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                output.WriteLine($"Deleted {directory}.");
            }
        }

        if (runner.Run("getent", "passwd", ServicePaths.User).Succeeded)
        {
            Run("userdel", ServicePaths.User);
            output.WriteLine($"Deleted the system user {ServicePaths.User}.");
        }
    }

    private void Run(string program, params string[] arguments)
    {
        CommandResult result = runner.Run(program, arguments);
        if (!result.Succeeded)
        {
            string detail = (result.Error.Length > 0 ? result.Error : result.Output).Trim();
            throw new ServiceSetupException($"'{program} {string.Join(' ', arguments)}' failed (exit {result.ExitCode}): {detail}");
        }
    }
}
