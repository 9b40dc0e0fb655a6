using System.CommandLine;
using System.Linq;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Flashing;
using IotMinerAgent.Flash.Image;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Cli;

/// <summary><c>iotminer-flash image</c>: only build the deployment image.</summary>
public sealed class ImageCommand : Command
{
    private readonly Option<string> _app = FlashOptions.App();
    private readonly Option<string[]> _pe = FlashOptions.Pe();
    private readonly Option<string> _out = FlashOptions.Out();

    /// <summary>Creates the verb.</summary>
    public ImageCommand(ToolContext context)
        : base("image", "Build the deployment image (app.bin) from .pe files, without touching a board")
    {
        Options.Add(_app);
        Options.Add(_pe);
        Options.Add(_out);
        SetAction(result => CommandAction.Run(context, () =>
        {
            string app = context.FullPath(result.GetRequiredValue(_app));
            string[] libraries = result.GetRequiredValue(_pe).Select(context.FullPath).ToArray();
            DeploymentImage image = DeploymentImageBuilder.Build(PeInputs.Expand(libraries, app), app);
            string path = FlashArtifacts.WriteImage(context.FullPath(result.GetRequiredValue(_out)), image);
            context.Out.WriteLine($"{path}: {image.Bytes.Length} bytes");
            foreach (DeploymentImageEntry entry in image.Entries)
            {
                context.Out.WriteLine($"  0x{entry.Offset:X6}  {entry.PaddedLength,8}  {entry.AssemblyName}");
            }

            return ExitCodes.Ok;
        }));
    }
}
