using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Nanoff;
using IotMinerAgent.Flash.Targets;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>
/// The five steps of a flash, as nanoff command lines. The configuration goes onto the board before the application
/// (step 3, then 4) so that the application finds <c>I:\iotminer.json</c> at its first boot: nanoff resets the chip
/// after writing the deployment partition, and nothing resets it after a file deployment.
/// </summary>
public static class FlashPlan
{
    /// <summary>The number of steps.</summary>
    public const int StepCount = 5;

    /// <summary>Builds the steps for <paramref name="request"/>.</summary>
    public static IReadOnlyList<FlashStep> Create(FlashRequest request)
    {
        string target = request.Target.Name;
        string port = request.Port;
        return new[]
        {
            new FlashStep(1, "nanoclr", $"check the board and flash the nanoCLR firmware for {target}", new[]
            {
                // Read-only: esptool's chip details, so a wrong board is refused before anything is written.
                new NanoffCommand(new[] { "--platform", "esp32", "--serialport", port, "--devicedetails" }, output => CheckBoard(request, output)),
                new NanoffCommand(new[] { "--update", "--target", target, "--serialport", port }),
            }),
            new FlashStep(2, "image", "build the deployment image", Array.Empty<NanoffCommand>(), DescribeImage(request)),
            new FlashStep(3, "config", $"write {DeviceConfigFiles.ConfigDevicePath} to the board's internal storage", new[]
            {
                // With --target, nanoff first talks to the chip's bootloader; only with --devicedetails does it reset the
                // chip afterwards (Esp32Manager passes hardResetAfterCommand = DeviceDetails; EspTool otherwise uses
                // "--after no_reset"), so nanoCLR is running when the file deployment connects to it.
                new NanoffCommand(new[] { "--target", target, "--serialport", port, "--devicedetails", "--filedeployment", request.Artifacts.ManifestPath }),
            }),
            new FlashStep(4, "deploy", $"write the deployment image at {request.Location.OffsetHex} ({request.Location.Source})", new[]
            {
                new NanoffCommand(new[]
                {
                    "--target", target, "--serialport", port, "--deploy", "--image", request.Artifacts.ImagePath, "--address", request.Location.OffsetHex,
                }),
            }),
            new FlashStep(5, "verify", $"check that nanoCLR runs and lists {request.ApplicationName}", new[]
            {
                // --nanodevice talks to the running nanoCLR over its wire protocol (nanoff refuses --target with it).
                new NanoffCommand(new[] { "--nanodevice", "--serialport", port, "--devicedetails" }, output => CheckDeployed(request, output)),
            }),
        };
    }

    private static string DescribeImage(FlashRequest request)
    {
        string names = string.Join(", ", request.Image.Entries.Select(e => e.AssemblyName));
        string room = request.Location.Size is uint size ? $" of the {size}-byte deploy partition" : string.Empty;
        return $"{request.Artifacts.ImagePath}: {request.Image.Bytes.Length} bytes{room}, {names}";
    }

    private static CheckOutcome CheckBoard(FlashRequest request, string output)
    {
        string? chip = NanoffOutput.ChipType(output);
        if (chip is null)
        {
            return CheckOutcome.Warn("could not read the chip type from nanoff's device details; the board check was skipped.");
        }

        if (chip != request.Target.Chip)
        {
            string[] fitting = BoardTargets.All.Where(t => t.Chip == chip).Select(t => t.Name).ToArray();
            string advice = fitting.Length == 0 ? "iotminer-flash knows no target for it" : "pass one of: --target " + string.Join(", ", fitting);
            return CheckOutcome.Fail($"wrong board: {request.Target.Name} is firmware for an {request.Target.Chip}, but the board on {request.Port} is an {chip}; {advice}");
        }

        int? flash = NanoffOutput.FlashMegabytes(output);
        if (flash is null)
        {
            return CheckOutcome.Warn($"could not read the flash size from nanoff's device details; assuming --flash-size {request.FlashMegabytes}.");
        }

        return flash == request.FlashMegabytes
            ? CheckOutcome.Pass
            : CheckOutcome.Fail($"the board on {request.Port} has {flash} MB of flash but --flash-size is {request.FlashMegabytes}; " +
                $"pass --flash-size {flash} so the image goes to the deploy partition of the {flash} MB table");
    }

    private static CheckOutcome CheckDeployed(FlashRequest request, string output)
    {
        IReadOnlyList<string>? assemblies = NanoffOutput.DeployedAssemblies(output);
        if (assemblies is null)
        {
            return CheckOutcome.Fail("nanoff's device details have no \"Assemblies:\" list, so the deployment could not be checked; " +
                "press the board's reset button so nanoCLR starts");
        }

        if (assemblies.Contains(request.ApplicationName))
        {
            return CheckOutcome.Pass;
        }

        string table = Path.Combine(request.FirmwareCacheDirectory, request.Target.Name, $"partitions_nanoclr_{request.FlashMegabytes}mb.csv");
        string listed = assemblies.Count == 0 ? "none" : string.Join(", ", assemblies);
        return CheckOutcome.Fail(
            $"the board does not list {request.ApplicationName} under Assemblies (it lists: {listed}), so nanoCLR did not find the image at " +
            $"{request.Location.OffsetHex} ({request.Location.Source}); look up the deploy partition in {table} and pass its offset with --address",
            resumeStep: 4);
    }
}
