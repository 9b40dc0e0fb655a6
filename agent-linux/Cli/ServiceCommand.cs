using System;
using System.CommandLine;
using System.IO;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Platform;
using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// <c>iotminer service install [--binary PATH] [--no-start] | uninstall [--purge] | status</c>: the agent as a
/// systemd service (docs/service.md).
/// </summary>
internal sealed class ServiceCommand : Command
{
    private readonly Func<TextWriter, ServiceInstaller> _installer;
    private readonly Option<string> _binary = new("--binary")
    {
        Description = "The iotminer executable the service starts (default: this one). Not under /home, /root or /tmp, which the unit hides.",
    };

    private readonly Option<bool> _noStart = new("--no-start") { Description = "Install only: do not enable or start the service, even with consent" };
    private readonly Option<bool> _purge = new("--purge") { Description = "Also delete /etc/iotminer, /var/lib/iotminer and the iotminer user" };

    /// <summary>The command acting on this machine, as the current user.</summary>
    public ServiceCommand()
        : this(output => OperatingSystem.IsLinux()
            ? new ServiceInstaller(ServicePaths.Host, new ProcessCommandRunner(), Environment.IsPrivilegedProcess, output)
            : throw new ServiceSetupException("systemd services exist only on Linux."))
    {
    }

    /// <summary>The command with the installer <paramref name="installer"/> makes for an output writer (tests).</summary>
    internal ServiceCommand(Func<TextWriter, ServiceInstaller> installer)
        : base("service", "Install, remove or inspect the systemd service that runs the agent (Linux; install and uninstall as root).")
    {
        _installer = installer;
        var install = new Command(
            "install",
            "Create the iotminer system user, /etc/iotminer/iotminer.json (if absent) and /var/lib/iotminer, and install the unit; enable and start it only if the configuration gives consent.");
        install.Options.Add(_binary);
        install.Options.Add(_noStart);
        var uninstall = new Command("uninstall", "Stop, disable and remove the service; keep configuration and state unless --purge.");
        uninstall.Options.Add(_purge);
        var status = new Command("status", "Summarise the service: state, status line, restarts, configuration and consent.");
        foreach (Command verb in new[] { install, uninstall, status })
        {
            verb.SetAction(Execute);
            Subcommands.Add(verb);
        }
    }

    private int Execute(ParseResult parse)
    {
        string verb = parse.CommandResult.Command.Name;
        TextWriter error = parse.InvocationConfiguration.Error;
        if (!OperatingSystem.IsLinux())
        {
            error.WriteLine($"iotminer service {verb}: systemd services exist only on Linux.");
            return ExitCodes.Failure;
        }

        try
        {
            ServiceInstaller installer = _installer(parse.InvocationConfiguration.Output);
            switch (verb)
            {
                case "install": installer.Install(BinaryPath(parse.GetValue(_binary)), start: !parse.GetValue(_noStart)); break;
                case "uninstall": installer.Uninstall(parse.GetValue(_purge)); break;
                default: installer.Status(); break;
            }

            return ExitCodes.Ok;
        }
        catch (ServiceSetupException ex)
        {
            error.WriteLine($"iotminer service {verb}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"iotminer service {verb}: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// The binary to start: --binary, else this process's executable. Run through `dotnet iotminer.dll` the process is
    /// dotnet itself, which cannot be the service's ExecStart.
    /// </summary>
    private static string BinaryPath(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return Path.GetFullPath(option);
        }

        string? process = Environment.ProcessPath;
        if (process is null || Path.GetFileName(process) == "dotnet")
        {
            throw new UsageException("cannot tell where the iotminer executable is (running under 'dotnet'): pass --binary /path/to/iotminer.");
        }

        return InstructionSetVariant.Baseline(process);
    }
}
