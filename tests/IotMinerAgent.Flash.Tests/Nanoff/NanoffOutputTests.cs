using IotMinerAgent.Flash.Nanoff;

namespace IotMinerAgent.Flash.Tests.Nanoff;

public class NanoffOutputTests
{
    // As nanoff 2.5 printed it for an ESP32-C3 (nanoframework/Home issue 1656).
    private const string C3Details = """
        .NET nanoFramework Firmware Flasher v2.5.126+716b21797a
        Copyright (C) 2019 .NET Foundation and nanoFramework project contributors

        Reading details from chip...OK

        Connected to:
        ESP32-C3 (ESP32-C3 (QFN32) (revision v0.4))
        Features WiFi, BLE
        Flash size 16MB W25Q128_V from WINBOND_NEX (manufacturer 0x239 device 0x16408)
        PSRAM: not available
        Crystal 40MHz
        MAC 24:EC:4A:E6:56:04
        """;

    // A nanoCLR with nothing deployed (nanoframework/Home issue 593): only native assemblies.
    private const string EmptyDeployment = """
        AppDomains:

        Assemblies:

        Native Assemblies:
          mscorlib v100.2.3.0, checksum 0x91CE6848
          nanoFramework.Runtime.Native v100.0.5.0, checksum 0x153CD2E3
        """;

    [Fact]
    public void Reads_the_chip_type_and_flash_size_of_an_esp32()
    {
        Assert.Equal("ESP32-C3", NanoffOutput.ChipType(C3Details));
        Assert.Equal(16, NanoffOutput.FlashMegabytes(C3Details));
        Assert.Equal("ESP32", NanoffOutput.ChipType("Connected to:\r\n\r\nESP32 (ESP32-D0WD-V3 (revision v3.1))\r\n"));
    }

    [Fact]
    public void Without_the_details_there_is_nothing_to_read()
    {
        Assert.Null(NanoffOutput.ChipType("Error E6000: Couldn't open serial device."));
        Assert.Null(NanoffOutput.ChipType("Connected to:\n"));
        Assert.Null(NanoffOutput.FlashMegabytes("Connected to:\nESP32 (x)\n"));
    }

    [Fact]
    public void Lists_deployed_assemblies_but_not_native_ones()
    {
        Assert.Empty(NanoffOutput.DeployedAssemblies(EmptyDeployment)!);
        Assert.Equal(new[] { "App", "System.Math" },
            NanoffOutput.DeployedAssemblies(EmptyDeployment.Replace("Assemblies:\n\n", "Assemblies:\n  App, 1.0.0.0\n  System.Math v1.5.0.0\n\n")));
        Assert.Null(NanoffOutput.DeployedAssemblies("Native Assemblies:\n  mscorlib v100.2.3.0\n"));
    }

    [Fact]
    public void The_tail_is_the_last_non_empty_lines()
    {
        NanoffResult result = new(1, "one\n\ntwo\nthree\n\n");

        Assert.Equal("two" + System.Environment.NewLine + "three", result.Tail(2));
        Assert.Equal("one" + System.Environment.NewLine + "two" + System.Environment.NewLine + "three", result.Tail(10));
    }
}
