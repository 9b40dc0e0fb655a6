using System.IO;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Targets;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Targets;

public class DeployLocationResolverTests
{
    // nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv (the layout before the nanoCLR grew).
    private const string Table4Mb = """
        ################################################
        # ESP-IDF Partition Table for .NET nanoFramework
        # Name,   Type, SubType, Offset,  Size,
        nvs,      data, nvs,     0x9000,   0x6000,
        phy_init, data, phy,     0xf000,   0x1000,
        # Factory area for nanoCLR - 1728k
        factory,  app, factory,  0x10000,  0x1B0000,
        # Deployment area for Managed code 1964k
        deploy,   data, 0x84,    0x1C0000, 0x1E0000,
        config,   data, littlefs,  0x3C0000, 0x40000,
        """;

    // The MCUboot variant: two deployment partitions, comments after the fields; the first is the active one.
    private const string McubootTable = """
        primary,   app,  ota_0,    0x20000,  0x190000,
        config,    data, littlefs, 0x340000, 0x6000,
        deploy_0,  data, 0x84,     0x346000, 0x5D000,  # 372k Image 1 primary (active deployment)
        deploy_1,  data, 0x84,     0x3A3000, 0x5D000,  # 372k Image 1 secondary (MCUboot staging)
        """;

    private static readonly BoardTarget Rev0 = BoardTargets.Find("ESP32_REV0");

    [Fact]
    public void Reads_the_deployment_partition_of_nanoframework_tables()
    {
        Assert.True(PartitionTableCsv.TryReadDeployPartition(Table4Mb, out uint offset, out uint size, out _));
        Assert.Equal((0x1C0000u, 0x1E0000u), (offset, size));

        Assert.True(PartitionTableCsv.TryReadDeployPartition(McubootTable, out offset, out size, out _));
        Assert.Equal((0x346000u, 0x5D000u), (offset, size));

        Assert.True(PartitionTableCsv.TryReadDeployPartition("deploy, data, 0x84, 1792K, 1M\n", out offset, out size, out _));
        Assert.Equal((0x1C0000u, 0x100000u), (offset, size));
    }

    [Fact]
    public void Says_why_a_table_has_no_usable_deployment_partition()
    {
        Assert.False(PartitionTableCsv.TryReadDeployPartition("nvs, data, nvs, 0x9000, 0x6000\n", out _, out _, out string problem));
        Assert.Contains("subtype 0x84", problem);

        Assert.False(PartitionTableCsv.TryReadDeployPartition("deploy, data, 0x84, , 0x1000\n", out _, out _, out problem));
        Assert.Contains("no explicit offset", problem);
    }

    [Fact]
    public void Uses_the_built_in_table_when_nothing_else_is_known()
    {
        using TempDirectory cache = new();

        DeployLocation location = new DeployLocationResolver(cache.Path).Resolve(Rev0, 4, null, null);

        Assert.Equal(0x1D0000u, location.Offset);
        Assert.Equal(0x1D0000u, location.Size);
        Assert.Equal("0x1D0000", location.OffsetHex);
        Assert.StartsWith("built-in table, nanoframework/nf-interpreter@", location.Source);
    }

    [Fact]
    public void Prefers_the_table_of_the_firmware_nanoff_downloaded()
    {
        using TempDirectory cache = new();
        string table = cache.Write(Path.Combine("ESP32_REV0", "partitions_nanoclr_4mb.csv"), Table4Mb.Replace("0x1C0000, 0x1E0000", "0x1E0000, 0x1C0000"));

        DeployLocation location = new DeployLocationResolver(cache.Path).Resolve(Rev0, 4, null, null);

        Assert.Equal((0x1E0000u, (uint?)0x1C0000u), (location.Offset, location.Size));
        Assert.Contains(table, location.Source);

        // The cached table is per flash size: an 8 MB board still gets the built-in 8 MB layout.
        Assert.StartsWith("built-in", new DeployLocationResolver(cache.Path).Resolve(Rev0, 8, null, null).Source);
    }

    [Fact]
    public void An_unreadable_cached_table_falls_back_to_the_built_in_one()
    {
        using TempDirectory cache = new();
        cache.Write(Path.Combine("ESP32_REV0", "partitions_nanoclr_4mb.csv"), "garbage\n");

        Assert.Equal(0x1D0000u, new DeployLocationResolver(cache.Path).Resolve(Rev0, 4, null, null).Offset);
    }

    [Fact]
    public void A_given_partition_table_beats_the_cache_and_an_address_beats_both()
    {
        using TempDirectory dir = new();
        dir.Write(Path.Combine("cache", "ESP32_REV0", "partitions_nanoclr_4mb.csv"), Table4Mb);
        string given = dir.Write("custom.csv", "deploy, data, 0x84, 0x200000, 0x100000\n");
        DeployLocationResolver resolver = new(dir.Combine("cache"));

        Assert.Equal(0x200000u, resolver.Resolve(Rev0, 4, null, given).Offset);
        DeployLocation explicitAddress = resolver.Resolve(Rev0, 4, "0x1e0000", given);
        Assert.Equal((0x1E0000u, (uint?)null, "--address"), (explicitAddress.Offset, explicitAddress.Size, explicitAddress.Source));
    }

    [Theory]
    [InlineData("1D0000", "in hex with 0x")]
    [InlineData("0xZZ", "in hex with 0x")]
    [InlineData("0x1D0800", "multiple of 0x1000")]
    [InlineData("0x10000", "above the nanoCLR")]
    [InlineData("0x400000", "inside the 4 MB flash")]
    public void Refuses_an_impossible_address(string address, string reason)
    {
        using TempDirectory cache = new();

        UsageException e = Assert.Throws<UsageException>(() => new DeployLocationResolver(cache.Path).Resolve(Rev0, 4, address, null));

        Assert.Contains("--address " + address, e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Names_a_missing_or_useless_partition_table()
    {
        using TempDirectory dir = new();
        DeployLocationResolver resolver = new(dir.Path);
        string useless = dir.Write("t.csv", "nvs, data, nvs, 0x9000, 0x6000\n");

        Assert.Contains("was not found", Assert.Throws<UsageException>(() => resolver.Resolve(Rev0, 4, null, dir.Combine("none.csv"))).Message);
        Assert.Contains("no deployment partition", Assert.Throws<UsageException>(() => resolver.Resolve(Rev0, 4, null, useless)).Message);
    }
}
