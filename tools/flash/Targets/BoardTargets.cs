using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Targets;

/// <summary>
/// The firmware targets iotminer-flash knows, with the deployment partition of each flash size.
/// </summary>
/// <remarks>
/// The addresses come from the partition tables in nanoframework/nf-interpreter,
/// <c>targets/ESP32/_IDF/&lt;chip&gt;/partitions_nanoclr_&lt;size&gt;.csv</c> (the row <c>deploy, data, 0x84, offset, size</c>),
/// at the commits named in each <see cref="PartitionLayout.Source"/>. nanoff's own fallback,
/// <c>Esp32Firmware.DeploymentPartitionAddress =&gt; 0x1B0000</c> (nanoframework/nanoFirmwareFlasher,
/// nanoFirmwareFlasher.Library/Esp32Firmware.cs), is stale for the classic ESP32: its nanoCLR partition grew from
/// 0x1A0000 to 0x1B0000 and then 0x1C0000 bytes, moving the deployment partition to 0x1C0000 and then 0x1D0000.
/// That is why every deploy command passes <c>--address</c>. A table from the firmware nanoff just flashed
/// (its cache) or given with <c>--partition-table</c> overrides these (see <see cref="DeployLocationResolver"/>).
/// </remarks>
public static class BoardTargets
{
    private const string Repo = "nanoframework/nf-interpreter@";

    // Classic ESP32 (nf-interpreter 099c96e8): factory 0x10000+0x1C0000, so deploy starts at 0x1D0000 on 4, 8 and 16 MB.
    private static readonly PartitionLayout[] Esp32 =
    {
        new(4, 0x1D0000, 0x1D0000, Repo + "099c96e8 targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv"),
        new(8, 0x1D0000, 0x2C0000, Repo + "099c96e8 targets/ESP32/_IDF/esp32/partitions_nanoclr_8mb.csv"),
        new(16, 0x1D0000, 0x2C0000, Repo + "099c96e8 targets/ESP32/_IDF/esp32/partitions_nanoclr_16mb.csv"),
    };

    // ESP32-S3: factory 0x10000+0x1A0000, deploy at 0x1B0000 (here nanoff's default happens to be right).
    private static readonly PartitionLayout[] Esp32S3 =
    {
        new(4, 0x1B0000, 0x1F0000, Repo + "56fe2f98 targets/ESP32/_IDF/esp32s3/partitions_nanoclr_4mb.csv"),
        new(8, 0x1B0000, 0x2E0000, Repo + "d4cfc1eb targets/ESP32/_IDF/esp32s3/partitions_nanoclr_8mb.csv"),
        new(16, 0x1B0000, 0x2E0000, Repo + "0c3eb577 targets/ESP32/_IDF/esp32s3/partitions_nanoclr_16mb.csv"),
    };

    // ESP32-C3: factory 0x10000+0x1A0000, deploy at 0x1B0000, 0x1F0000 bytes on every size.
    private static readonly PartitionLayout[] Esp32C3 =
    {
        new(4, 0x1B0000, 0x1F0000, Repo + "d7ea326b targets/ESP32/_IDF/esp32c3/partitions_nanoclr_4mb.csv"),
        new(8, 0x1B0000, 0x1F0000, Repo + "a31e854a targets/ESP32/_IDF/esp32c3/partitions_nanoclr_8mb.csv"),
        new(16, 0x1B0000, 0x1F0000, Repo + "19e8883e targets/ESP32/_IDF/esp32c3/partitions_nanoclr_16mb.csv"),
    };

    /// <summary>Every known target, in the order they are listed to the user.</summary>
    public static IReadOnlyList<BoardTarget> All { get; } = new[]
    {
        new BoardTarget("ESP32_REV0", "ESP32", Esp32),
        new BoardTarget("ESP32_REV3", "ESP32", Esp32),
        new BoardTarget("ESP32_PSRAM_REV0", "ESP32", Esp32),
        new BoardTarget("ESP32_PSRAM_REV3", "ESP32", Esp32),
        new BoardTarget("ESP32_PSRAM_XTAL26_REV0", "ESP32", Esp32),
        new BoardTarget("ESP32_PICO", "ESP32", Esp32),
        new BoardTarget("ESP32_S3", "ESP32-S3", Esp32S3),
        new BoardTarget("ESP32_S3_QUAD", "ESP32-S3", Esp32S3),
        new BoardTarget("ESP32_S3_OCTAL", "ESP32-S3", Esp32S3),
        new BoardTarget("ESP32_C3", "ESP32-C3", Esp32C3),
        new BoardTarget("ESP32_C3_REV3", "ESP32-C3", Esp32C3),
        new BoardTarget("XIAO_ESP32C3", "ESP32-C3", Esp32C3),
    };

    /// <summary>The target with this name (case-insensitive), or a usage error listing the known targets.</summary>
    public static BoardTarget Find(string name)
    {
        BoardTarget? target = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return target ?? throw new UsageException(
            $"--target {name}: unknown target; known targets: {string.Join(", ", All.Select(t => t.Name))}.");
    }
}
