using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Targets;

/// <summary>A nanoFramework firmware target (nanoff's <c>--target</c>) and the partition tables its firmware ships.</summary>
/// <param name="Name">The target name as nanoff and the firmware repository spell it, e.g. <c>ESP32_REV0</c>.</param>
/// <param name="Chip">The chip type nanoff reports for a board this firmware runs on, e.g. <c>ESP32-S3</c>.</param>
/// <param name="Layouts">The deployment partition per supported flash size.</param>
public sealed record BoardTarget(string Name, string Chip, IReadOnlyList<PartitionLayout> Layouts)
{
    /// <summary>The layout for a flash size, or a usage error listing the sizes this target has tables for.</summary>
    public PartitionLayout LayoutFor(int flashMegabytes)
    {
        PartitionLayout? layout = Layouts.FirstOrDefault(l => l.FlashMegabytes == flashMegabytes);
        if (layout is null)
        {
            string sizes = string.Join(", ", Layouts.Select(l => l.FlashMegabytes + " MB"));
            throw new UsageException(
                $"--flash-size {flashMegabytes}: target {Name} has no partition table for {flashMegabytes} MB of flash; known sizes: {sizes}.");
        }

        return layout;
    }
}
