using System.Linq;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Targets;

namespace IotMinerAgent.Flash.Tests.Targets;

public class BoardTargetsTests
{
    // nanoFirmwareFlasher's Esp32Firmware.DeploymentPartitionAddress.
    private const uint NanoffDefault = 0x1B0000;

    [Theory]
    [InlineData("ESP32_REV0", 4, 0x1D0000u)]
    [InlineData("ESP32_REV3", 8, 0x1D0000u)]
    [InlineData("ESP32_PSRAM_REV3", 16, 0x1D0000u)]
    [InlineData("ESP32_S3", 4, 0x1B0000u)]
    [InlineData("ESP32_S3", 16, 0x1B0000u)]
    [InlineData("ESP32_C3", 4, 0x1B0000u)]
    public void Deploy_addresses_follow_the_cited_partition_tables(string name, int flashMegabytes, uint expected)
    {
        PartitionLayout layout = BoardTargets.Find(name).LayoutFor(flashMegabytes);

        Assert.Equal(expected, layout.DeployOffset);
        Assert.Contains($"partitions_nanoclr_{flashMegabytes}mb.csv", layout.Source);
    }

    [Fact]
    public void The_classic_esp32_does_not_use_nanoffs_stale_default()
    {
        Assert.All(BoardTargets.All.Where(t => t.Chip == "ESP32").SelectMany(t => t.Layouts), l => Assert.NotEqual(NanoffDefault, l.DeployOffset));
    }

    [Fact]
    public void Every_layout_lies_after_the_nanoclr_on_sector_boundaries_inside_its_flash()
    {
        foreach (PartitionLayout layout in BoardTargets.All.SelectMany(t => t.Layouts))
        {
            Assert.True(layout.DeployOffset > 0x10000, layout.Source);
            Assert.Equal(0u, layout.DeployOffset % FlashAddress.SectorSize);
            Assert.Equal(0u, layout.DeploySize % FlashAddress.SectorSize);
            Assert.True((ulong)layout.DeployOffset + layout.DeploySize <= (ulong)layout.FlashMegabytes * 1024 * 1024, layout.Source);
        }
    }

    [Fact]
    public void Finds_targets_case_insensitively_and_lists_the_known_ones_for_an_unknown_one()
    {
        Assert.Equal("ESP32_S3", BoardTargets.Find("esp32_s3").Name);

        UsageException e = Assert.Throws<UsageException>(() => BoardTargets.Find("ESP8266"));

        Assert.Contains("--target ESP8266: unknown target", e.Message);
        Assert.All(BoardTargets.All, t => Assert.Contains(t.Name, e.Message));
    }

    [Fact]
    public void An_unknown_flash_size_lists_the_known_ones()
    {
        UsageException e = Assert.Throws<UsageException>(() => BoardTargets.Find("ESP32_REV0").LayoutFor(2));

        Assert.Contains("--flash-size 2", e.Message);
        Assert.Contains("4 MB, 8 MB, 16 MB", e.Message);
    }
}
