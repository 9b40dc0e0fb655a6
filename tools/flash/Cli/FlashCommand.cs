using System;
using System.CommandLine;
using System.Linq;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Flashing;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Cli;

/// <summary><c>iotminer-flash flash</c>: firmware, configuration, application and a check, in five resumable steps.</summary>
public sealed class FlashCommand : Command
{
    private readonly Option<string> _target = FlashOptions.Target();
    private readonly Option<string?> _port = FlashOptions.Port();
    private readonly Option<int> _flashSize = new("--flash-size")
    {
        Description = "Flash size of the board in MB (4, 8 or 16); picks the partition table and so the deploy address",
        DefaultValueFactory = _ => 4,
    };

    private readonly Option<string> _app = FlashOptions.App();
    private readonly Option<string[]> _pe = FlashOptions.Pe();
    private readonly Option<string?> _config = FlashOptions.Config();
    private readonly Option<string[]> _set = FlashOptions.Set();
    private readonly Option<bool> _consent = FlashOptions.Consent();
    private readonly Option<string> _out = FlashOptions.Out();
    private readonly Option<string?> _nanoff = new("--nanoff") { Description = "Path of nanoff, when it is not on PATH" };
    private readonly Option<string?> _address = new("--address") { Description = "Deploy address (hex, e.g. 0x1D0000), overriding the partition table" };
    private readonly Option<string?> _partitionTable = new("--partition-table")
    {
        Description = "ESP-IDF partition table CSV of the firmware, to read the deploy address from",
    };

    private readonly Option<int> _fromStep = new("--from-step")
    {
        Description = "Resume at this step (1 nanoclr, 2 image, 3 config, 4 deploy, 5 verify)",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print every command and write the files, run nothing" };

    /// <summary>Creates the verb.</summary>
    public FlashCommand(ToolContext context)
        : base("flash", "Flash nanoCLR, the device configuration and the application onto an ESP32 board, then verify")
    {
        Options.Add(_target);
        Options.Add(_port);
        Options.Add(_flashSize);
        Options.Add(_app);
        Options.Add(_pe);
        Options.Add(_config);
        Options.Add(_set);
        Options.Add(_consent);
        Options.Add(_out);
        Options.Add(_nanoff);
        Options.Add(_address);
        Options.Add(_partitionTable);
        Options.Add(_fromStep);
        Options.Add(_dryRun);
        SetAction(result => CommandAction.Run(context, () =>
        {
            FlashWorkflow.Run(Settings(result, context), context);
            return ExitCodes.Ok;
        }));
    }

    private FlashSettings Settings(ParseResult result, ToolContext context)
    {
        string? Optional(Option<string?> option) => result.GetValue(option) is string value ? context.FullPath(value) : null;
        return new FlashSettings(
            result.GetRequiredValue(_target),
            result.GetValue(_port),
            result.GetValue(_flashSize),
            context.FullPath(result.GetRequiredValue(_app)),
            result.GetRequiredValue(_pe).Select(context.FullPath).ToArray(),
            Optional(_config),
            result.GetValue(_set) ?? Array.Empty<string>(),
            result.GetValue(_consent),
            context.FullPath(result.GetRequiredValue(_out)),
            Optional(_nanoff),
            result.GetValue(_address),
            Optional(_partitionTable),
            result.GetValue(_fromStep),
            result.GetValue(_dryRun));
    }
}
