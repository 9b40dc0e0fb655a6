using System.IO;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Image;
using IotMinerAgent.Flash.Machine;
using IotMinerAgent.Flash.Nanoff;
using IotMinerAgent.Flash.Serial;
using IotMinerAgent.Flash.Targets;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>
/// The <c>flash</c> verb: validates everything that can be checked without the board (target, configuration,
/// image, address, nanoff, port), writes the files, then runs the steps. Nothing touches the board until every
/// input is known to be good.
/// </summary>
public static class FlashWorkflow
{
    /// <summary>Runs the flash; problems surface as <see cref="FlashToolException"/>s.</summary>
    public static void Run(FlashSettings settings, ToolContext context)
    {
        if (settings.FromStep < 1 || settings.FromStep > FlashPlan.StepCount)
        {
            throw new UsageException($"--from-step {settings.FromStep}: steps are numbered 1 to {FlashPlan.StepCount}.");
        }

        BoardTarget target = BoardTargets.Find(settings.Target);
        ToolEnvironment env = context.Environment;
        DeviceConfig config = DeviceConfigReader.Read(settings.ConfigFile, settings.Overrides, env.WorkingDirectory, settings.OwnerConsent);
        context.Out.WriteLine(ConsentNotice.For(config));
        DeploymentImage image = DeploymentImageBuilder.Build(PeInputs.Expand(settings.Libraries, settings.Application), settings.Application);
        string cache = DeployLocationResolver.DefaultCacheDirectory(env.HomeDirectory);
        DeployLocation location = new DeployLocationResolver(cache).Resolve(target, settings.FlashMegabytes, settings.Address, settings.PartitionTable);
        CheckFits(image, location);

        string nanoff = LocateNanoff(settings, context);
        string port = new SerialPortDiscovery(env.DevRoot).Choose(settings.Port);
        FlashArtifacts artifacts = FlashArtifacts.Write(settings.OutputDirectory, image, DeviceConfigFiles.Render(config), port);
        FlashRequest request = new(target, port, settings.FlashMegabytes, location, image,
            image.Entries[^1].AssemblyName, artifacts, cache);

        if (settings.DryRun)
        {
            context.Out.WriteLine($"dry run: printing the commands without running them; files are in {Path.GetDirectoryName(artifacts.ImagePath)}");
        }

        NanoffRunner? runner = settings.DryRun ? null : new NanoffRunner(nanoff, env.PathVariable, context.Out);
        new FlashRunner(nanoff, runner, context.Out, context.Error).Run(FlashPlan.Create(request), settings.FromStep);
        context.Out.WriteLine(settings.DryRun
            ? "dry run: nothing was run"
            : $"done: {request.ApplicationName} runs on the {target.Name} board on {port} with {DeviceConfigFiles.ConfigDevicePath}");
    }

    private static void CheckFits(DeploymentImage image, DeployLocation location)
    {
        if (location.Size is uint size && image.Bytes.Length > size)
        {
            throw new UsageException($"the deployment image is {image.Bytes.Length} bytes but the deploy partition at {location.OffsetHex} " +
                $"holds {size} ({location.Source}); leave out unused assemblies or use a board with a larger table (--flash-size).");
        }
    }

    private static string LocateNanoff(FlashSettings settings, ToolContext context)
    {
        ToolEnvironment env = context.Environment;
        if (!settings.DryRun)
        {
            return NanoffLocator.Locate(settings.NanoffPath, env.PathVariable, env.HomeDirectory);
        }

        string? found = NanoffLocator.TryLocate(settings.NanoffPath, env.PathVariable, env.HomeDirectory);
        if (found is null)
        {
            context.Error.WriteLine($"iotminer-flash: warning: nanoff was not found; {NanoffLocator.InstallHint}.");
        }

        return found ?? "nanoff";
    }
}
