using System;
using System.CommandLine;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Flashing;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Cli;

/// <summary><c>iotminer-flash config</c>: only validate the device configuration and write its files locally.</summary>
public sealed class ConfigCommand : Command
{
    private readonly Option<string?> _config = FlashOptions.Config();
    private readonly Option<string[]> _set = FlashOptions.Set();
    private readonly Option<bool> _consent = FlashOptions.Consent();
    private readonly Option<string> _out = FlashOptions.Out();

    /// <summary>Creates the verb.</summary>
    public ConfigCommand(ToolContext context)
        : base("config", "Validate the device configuration and write iotminer.json (and the CA) locally")
    {
        Options.Add(_config);
        Options.Add(_set);
        Options.Add(_consent);
        Options.Add(_out);
        SetAction(result => CommandAction.Run(context, () =>
        {
            string? file = result.GetValue(_config) is string given ? context.FullPath(given) : null;
            DeviceConfig config = DeviceConfigReader.Read(file, result.GetValue(_set) ?? Array.Empty<string>(), context.Environment.WorkingDirectory,
                result.GetValue(_consent));

            // Standard output lists only the written files (scripts read it); the consent notice goes to standard error.
            context.Error.WriteLine(ConsentNotice.For(config));
            foreach (string path in FlashArtifacts.WriteDeviceFiles(context.FullPath(result.GetRequiredValue(_out)), DeviceConfigFiles.Render(config)))
            {
                context.Out.WriteLine(path);
            }

            return ExitCodes.Ok;
        }));
    }
}
