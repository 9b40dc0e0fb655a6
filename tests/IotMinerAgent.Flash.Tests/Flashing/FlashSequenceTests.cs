using System.IO;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Flashing;

/// <summary>The whole flash verb against a stand-in nanoff that records its arguments.</summary>
public class FlashSequenceTests
{
    private static string[][] ExpectedSequence(FlashBench bench, string target, string address) => new[]
    {
        new[] { "--platform", "esp32", "--serialport", bench.Port, "--devicedetails" },
        new[] { "--update", "--target", target, "--serialport", bench.Port },
        new[] { "--target", target, "--serialport", bench.Port, "--devicedetails", "--filedeployment", Path.Combine(bench.Out, "filedeployment.json") },
        new[] { "--target", target, "--serialport", bench.Port, "--deploy", "--image", Path.Combine(bench.Out, "app.bin"), "--address", address },
        new[] { "--nanodevice", "--serialport", bench.Port, "--devicedetails" },
    };

    [Theory]
    [InlineData("ESP32_REV0", "ESP32 (ESP32-D0WD (revision v1.0))", 4, "0x1D0000")]
    [InlineData("ESP32_REV3", "ESP32 (ESP32-D0WD-V3 (revision v3.1))", 8, "0x1D0000")]
    [InlineData("ESP32_PSRAM_REV3", "ESP32 (ESP32-D0WDR2-V3 (revision v3.0))", 16, "0x1D0000")]
    [InlineData("ESP32_S3", "ESP32-S3 (ESP32-S3 (QFN56) (revision v0.2))", 8, "0x1B0000")]
    [InlineData("ESP32_C3", "ESP32-C3 (ESP32-C3 (QFN32) (revision v0.4))", 4, "0x1B0000")]
    public void Runs_the_five_steps_with_the_exact_arguments_and_the_target_s_deploy_address(string target, string chipLine, int flash, string address)
    {
        using FlashBench bench = new();
        bench.Nanoff.Probe = StubNanoff.ProbeFor(chipLine, flash);

        ToolRun run = bench.Run(bench.FlashArgs(target, "--flash-size", flash.ToString()));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(ExpectedSequence(bench, target, address), bench.Nanoff.Invocations);
        Assert.Contains($"done: App runs on the {target} board on {bench.Port}", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Writes_the_image_the_device_config_and_the_file_deployment_manifest_nanoff_reads()
    {
        using FlashBench bench = new();

        Assert.Equal(ExitCodes.Ok, bench.Run(bench.FlashArgs("ESP32_REV0")).ExitCode);

        byte[] image = File.ReadAllBytes(Path.Combine(bench.Out, "app.bin"));
        Assert.Equal(48 + 20 + 16, image.Length);   // mscorlib 45 -> 48, System.Math 20, App 13 -> 16
        Assert.Equal("NFMRK1", System.Text.Encoding.ASCII.GetString(image, 0, 6));

        string manifest = File.ReadAllText(Path.Combine(bench.Out, "filedeployment.json"));
        using JsonDocument doc = JsonDocument.Parse(manifest);
        Assert.Equal(bench.Port, doc.RootElement.GetProperty("SerialPort").GetString());
        JsonElement file = Assert.Single(doc.RootElement.GetProperty("Files").EnumerateArray());
        Assert.Equal(@"I:\iotminer.json", file.GetProperty("DestinationFilePath").GetString());
        Assert.Equal(Path.Combine(bench.Out, "iotminer.json"), file.GetProperty("SourceFilePath").GetString());
        Assert.Contains("\"DestinationFilePath\": \"I:\\\\iotminer.json\"", manifest);

        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench.Out, "iotminer.json")));
        JsonElement root = config.RootElement;
        Assert.Equal("esp32-garage", root.GetProperty("deviceId").GetString());
        Assert.Equal("correct horse", root.GetProperty("wifi").GetProperty("password").GetString());
        Assert.Equal("broker.lan", root.GetProperty("mqtt").GetProperty("host").GetString());
        Assert.Equal(75.5, root.GetProperty("policy").GetProperty("hardLimitC").GetDouble());
        Assert.True(root.GetProperty("policy").GetProperty("idleOnly").GetBoolean());
    }

    [Fact]
    public void A_ca_certificate_is_deployed_as_a_second_file()
    {
        using FlashBench bench = new();
        string ca = bench.Write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        Assert.Equal(ExitCodes.Ok, bench.Run(bench.FlashArgs("ESP32_REV0", "--set", "mqtt.caFile=" + ca)).ExitCode);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench.Out, "filedeployment.json")));
        Assert.Equal(
            new[] { (@"I:\iotminer.json", Path.Combine(bench.Out, "iotminer.json")), (@"I:\iotminer-ca.pem", Path.Combine(bench.Out, "iotminer-ca.pem")) },
            doc.RootElement.GetProperty("Files").EnumerateArray()
                .Select(f => (f.GetProperty("DestinationFilePath").GetString()!, f.GetProperty("SourceFilePath").GetString()!)));
        Assert.Equal(File.ReadAllText(ca), File.ReadAllText(Path.Combine(bench.Out, "iotminer-ca.pem")));
    }

    [Fact]
    public void A_failed_step_stops_with_nanoffs_output_and_where_to_resume()
    {
        using FlashBench bench = new();
        bench.Nanoff.FailOn = "--deploy";

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0"));

        Assert.Equal(ExitCodes.StepFailed, run.ExitCode);
        Assert.Contains("step 4 (deploy) failed: nanoff exited with code 1; its last output:", run.Error);
        Assert.Contains("    " + StubNanoff.FailureText, run.Error);
        Assert.EndsWith("Fix it and resume with --from-step 4", run.Error.TrimEnd());
        Assert.Equal(4, bench.Nanoff.Invocations.Count);
        Assert.DoesNotContain(bench.Nanoff.Invocations, i => i.Contains("--nanodevice"));
    }

    [Fact]
    public void From_step_skips_the_earlier_steps()
    {
        using FlashBench bench = new();

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0", "--from-step", "4"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(ExpectedSequence(bench, "ESP32_REV0", "0x1D0000").Skip(3), bench.Nanoff.Invocations);
        Assert.Contains("step 1/5 (nanoclr): skipped (--from-step 4)", run.Out);
        Assert.Contains("step 3/5 (config): skipped (--from-step 4)", run.Out);
        Assert.True(File.Exists(Path.Combine(bench.Out, "app.bin")));
    }

    [Fact]
    public void A_wrong_board_is_refused_before_anything_is_written()
    {
        using FlashBench bench = new();
        bench.Nanoff.Probe = StubNanoff.ProbeFor("ESP32-C3 (ESP32-C3 (QFN32) (revision v0.4))", 4);

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0"));

        Assert.Equal(ExitCodes.StepFailed, run.ExitCode);
        Assert.Contains($"step 1 (nanoclr) failed: wrong board: ESP32_REV0 is firmware for an ESP32, but the board on {bench.Port} is an ESP32-C3; " +
            "pass one of: --target ESP32_C3, ESP32_C3_REV3, XIAO_ESP32C3", run.Error);
        Assert.Contains("resume with --from-step 1", run.Error);
        Assert.Single(bench.Nanoff.Invocations);
    }

    [Fact]
    public void A_flash_size_other_than_the_boards_is_refused()
    {
        using FlashBench bench = new();
        bench.Nanoff.Probe = StubNanoff.ProbeFor("ESP32 (ESP32-D0WD-V3 (revision v3.1))", 16);

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV3"));

        Assert.Equal(ExitCodes.StepFailed, run.ExitCode);
        Assert.Contains("has 16 MB of flash but --flash-size is 4; pass --flash-size 16", run.Error);
    }

    [Fact]
    public void Unreadable_device_details_skip_the_board_check_with_a_warning()
    {
        using FlashBench bench = new();
        bench.Nanoff.Probe = "some future nanoff output";

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("warning: could not read the chip type", run.Error);
    }

    [Fact]
    public void Verify_fails_when_the_board_does_not_list_the_app_and_points_back_to_the_deploy_step()
    {
        using FlashBench bench = new();
        bench.Nanoff.Details = StubNanoff.DetailsListing();

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0"));

        Assert.Equal(ExitCodes.StepFailed, run.ExitCode);
        Assert.Contains("step 5 (verify) failed: the board does not list App under Assemblies (it lists: none)", run.Error);
        Assert.Contains("at 0x1D0000 (built-in table", run.Error);
        Assert.Contains(Path.Combine(bench.Home, ".nanoFramework", "fw_cache", "ESP32_REV0", "partitions_nanoclr_4mb.csv"), run.Error);
        Assert.Contains("resume with --from-step 4", run.Error);
    }

    [Fact]
    public void The_deploy_address_follows_the_partition_table_nanoff_cached_for_the_firmware()
    {
        using FlashBench bench = new();
        bench.Write(Path.Combine(bench.Home, ".nanoFramework", "fw_cache", "ESP32_REV0", "partitions_nanoclr_4mb.csv"),
            "factory, app, factory, 0x10000, 0x1D0000,\ndeploy, data, 0x84, 0x1E0000, 0x1C0000,\n");

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0", "--from-step", "4"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("0x1E0000", bench.Nanoff.Invocations[0][^1]);
        Assert.Contains("nanoff's firmware cache", run.Out);
    }

    [Fact]
    public void An_explicit_address_is_passed_as_given_in_nanoffs_format()
    {
        using FlashBench bench = new();

        Assert.Equal(ExitCodes.Ok, bench.Run(bench.FlashArgs("ESP32_S3", "--address", "0x1c0000", "--from-step", "4")).ExitCode);

        Assert.Equal("0x1C0000", bench.Nanoff.Invocations[0][^1]);
    }

    [Fact]
    public void A_dry_run_prints_every_command_writes_the_files_and_runs_nothing()
    {
        using FlashBench bench = new();
        string outWithSpace = bench.Combine("my out");

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0", "--dry-run").Select(a => a == bench.Out ? outWithSpace : a).ToArray());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.False(bench.Nanoff.WasRun);
        string nanoff = bench.Nanoff.Path;
        string[] commands = run.Out.Split('\n').Where(l => l.StartsWith("  $ ")).Select(l => l[4..]).ToArray();
        Assert.Equal(new[]
        {
            $"{nanoff} --platform esp32 --serialport {bench.Port} --devicedetails",
            $"{nanoff} --update --target ESP32_REV0 --serialport {bench.Port}",
            $"{nanoff} --target ESP32_REV0 --serialport {bench.Port} --devicedetails --filedeployment '{outWithSpace}/filedeployment.json'",
            $"{nanoff} --target ESP32_REV0 --serialport {bench.Port} --deploy --image '{outWithSpace}/app.bin' --address 0x1D0000",
            $"{nanoff} --nanodevice --serialport {bench.Port} --devicedetails",
        }, commands);
        Assert.True(File.Exists(Path.Combine(outWithSpace, "app.bin")));
        Assert.True(File.Exists(Path.Combine(outWithSpace, "iotminer.json")));
        Assert.True(File.Exists(Path.Combine(outWithSpace, "filedeployment.json")));
        Assert.Contains("dry run: nothing was run", run.Out);
    }

    [Fact]
    public void A_missing_nanoff_says_how_to_install_it()
    {
        using FlashBench bench = new();
        bench.PathVariable = bench.Combine("empty-bin");

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0"));

        Assert.Equal(ExitCodes.StepFailed, run.ExitCode);
        Assert.Contains("nanoff was not found on PATH or in " + Path.Combine(bench.Home, ".dotnet", "tools"), run.Error);
        Assert.Contains("dotnet tool install -g nanoff", run.Error);
        Assert.False(Directory.Exists(bench.Out));
    }

    [Fact]
    public void Nanoff_is_found_in_dotnet_tools_or_where_nanoff_points()
    {
        using FlashBench bench = new();
        string stubDir = Path.GetDirectoryName(bench.Nanoff.Path)!;
        bench.PathVariable = "/usr/bin:/bin";

        ToolRun explicitPath = bench.Run(bench.FlashArgs("ESP32_REV0", "--nanoff", bench.Nanoff.Path, "--from-step", "5"));
        Assert.Equal(ExitCodes.Ok, explicitPath.ExitCode);

        Directory.CreateDirectory(Path.Combine(bench.Home, ".dotnet"));
        Directory.Move(stubDir, Path.Combine(bench.Home, ".dotnet", "tools"));
        ToolRun fromTools = bench.Run(bench.FlashArgs("ESP32_REV0", "--from-step", "5", "--dry-run"));
        Assert.Contains($"$ {Path.Combine(bench.Home, ".dotnet", "tools", "nanoff")} --nanodevice", fromTools.Out);
    }

    [Fact]
    public void Without_port_the_only_plugged_in_board_is_used_and_none_is_an_error()
    {
        using FlashBench bench = new();
        string[] withoutPort = bench.FlashArgs("ESP32_REV0", "--dry-run").Where(a => a != "--port" && a != bench.Port).ToArray();

        Assert.Contains($"--serialport {bench.Port}", bench.Run(withoutPort).Out);

        File.Delete(bench.Port);
        ToolRun none = bench.Run(withoutPort);
        Assert.Equal(ExitCodes.StepFailed, none.ExitCode);
        Assert.Contains("no serial port found: plug the board in (USB), check `dmesg`, or pass --port", none.Error);
    }

    [Fact]
    public void A_bad_config_exits_78_before_nanoff_runs()
    {
        using FlashBench bench = new();

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0", "--set", "mqtt.port=0"));

        Assert.Equal(ExitCodes.BadConfig, run.ExitCode);
        Assert.Contains("mqtt.port = 0 is out of range", run.Error);
        Assert.False(bench.Nanoff.WasRun);
    }

    [Theory]
    [InlineData("--target", "ESP8266", "unknown target; known targets: ESP32_REV0")]
    [InlineData("--from-step", "6", "--from-step 6: steps are numbered 1 to 5")]
    [InlineData("--flash-size", "32", "has no partition table for 32 MB")]
    [InlineData("--partition-table", "/nonexistent.csv", "the file was not found")]
    public void Impossible_options_are_usage_errors(string option, string value, string message)
    {
        using FlashBench bench = new();
        string[] args = bench.FlashArgs("ESP32_REV0").Where(a => a != "--target" && a != "ESP32_REV0").Concat(option == "--target"
            ? new[] { option, value }
            : new[] { "--target", "ESP32_REV0", option, value }).ToArray();

        ToolRun run = bench.Run(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(bench.Nanoff.WasRun);
    }

    [Fact]
    public void Parse_errors_are_usage_errors()
    {
        using FlashBench bench = new();

        ToolRun missing = bench.Run("flash", "--target", "ESP32_REV0");
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("--app", missing.Error);
        Assert.Contains("iotminer-flash --help", missing.Error);

        Assert.Equal(ExitCodes.Usage, bench.Run("frobnicate").ExitCode);
        Assert.Equal(ExitCodes.Ok, bench.Run("flash", "--help").ExitCode);
    }

    [Fact]
    public void An_image_larger_than_the_deploy_partition_is_refused()
    {
        using FlashBench bench = new();
        string table = bench.Write("small.csv", "deploy, data, 0x84, 0x1D0000, 0x40,\n");

        ToolRun run = bench.Run(bench.FlashArgs("ESP32_REV0", "--partition-table", table));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("the deployment image is 84 bytes but the deploy partition at 0x1D0000 holds 64", run.Error);
    }

    [Fact]
    public void The_image_verb_builds_only_the_image()
    {
        using FlashBench bench = new();

        ToolRun run = bench.Run("image", "--app", bench.App, "--pe", bench.PeDirectory, "--out", bench.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(new[] { "app.bin" }, Directory.GetFiles(bench.Out).Select(Path.GetFileName));
        Assert.Contains("0x000030        20  System.Math", run.Out);
        Assert.False(bench.Nanoff.WasRun);
    }
}
