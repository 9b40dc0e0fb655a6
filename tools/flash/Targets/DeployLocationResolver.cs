using System.IO;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Targets;

/// <summary>
/// Decides where the deployment image goes. In order: an explicit <c>--address</c>; a partition table given with
/// <c>--partition-table</c>; the table inside the firmware package nanoff downloaded for this target
/// (<c>~/.nanoFramework/fw_cache/&lt;TARGET&gt;/partitions_nanoclr_&lt;N&gt;mb.csv</c>, the cache
/// <c>FirmwarePackage.LocationPathBase</c> of nanoFirmwareFlasher, so the address follows the firmware actually flashed);
/// and last the built-in table of <see cref="BoardTargets"/>. Never nanoff's stale default.
/// </summary>
public sealed class DeployLocationResolver
{
    // nanoCLR's factory partition starts here on every nanoFramework ESP32 table (Esp32Firmware.CLRAddress in nanoff).
    private const uint NanoClrOffset = 0x10000;

    private readonly string _firmwareCacheDirectory;

    /// <summary>Creates a resolver reading nanoff's firmware cache from <paramref name="firmwareCacheDirectory"/>.</summary>
    public DeployLocationResolver(string firmwareCacheDirectory)
    {
        _firmwareCacheDirectory = firmwareCacheDirectory;
    }

    /// <summary>The default cache of nanoff under a home directory.</summary>
    public static string DefaultCacheDirectory(string homeDirectory) => Path.Combine(homeDirectory, ".nanoFramework", "fw_cache");

    /// <summary>Resolves the deployment location; usage errors name the bad option.</summary>
    public DeployLocation Resolve(BoardTarget target, int flashMegabytes, string? address, string? partitionTableFile)
    {
        PartitionLayout builtIn = target.LayoutFor(flashMegabytes);
        if (address is not null)
        {
            return new DeployLocation(ParseAddress(address, flashMegabytes), null, "--address");
        }

        if (partitionTableFile is not null)
        {
            return ReadTable(partitionTableFile, "--partition-table " + partitionTableFile)
                ?? throw new UsageException($"--partition-table {partitionTableFile}: the file was not found.");
        }

        string cached = Path.Combine(_firmwareCacheDirectory, target.Name, $"partitions_nanoclr_{flashMegabytes}mb.csv");
        DeployLocation? fromCache = ReadTable(cached, "nanoff's firmware cache " + cached, throwOnBadTable: false);
        return fromCache ?? new DeployLocation(builtIn.DeployOffset, builtIn.DeploySize, "built-in table, " + builtIn.Source);
    }

    private static DeployLocation? ReadTable(string path, string source, bool throwOnBadTable = true)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (PartitionTableCsv.TryReadDeployPartition(File.ReadAllText(path), out uint offset, out uint size, out string problem))
        {
            return new DeployLocation(offset, size, source);
        }

        return throwOnBadTable ? throw new UsageException($"{source}: {problem}.") : null;
    }

    private static uint ParseAddress(string text, int flashMegabytes)
    {
        uint flashBytes = (uint)flashMegabytes * 1024 * 1024;
        if (!text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) || !FlashAddress.TryParse(text, out uint value))
        {
            throw new UsageException($"--address {text}: write the flash address in hex with 0x, e.g. 0x1D0000.");
        }

        if (value % FlashAddress.SectorSize != 0 || value <= NanoClrOffset || value >= flashBytes)
        {
            throw new UsageException(
                $"--address {text}: must be a multiple of 0x1000 (a flash sector) above the nanoCLR at 0x10000 and inside the {flashMegabytes} MB flash.");
        }

        return value;
    }
}
