using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Config;

/// <summary>The tool writes and checks the <c>duino</c> section: a board that mines Duino-Coin, with or without a broker.</summary>
public class DuinoConfigTests
{
    private static readonly string[] DuinoBoard =
    {
        "deviceId=esp32-duco", "wifi.ssid=HomeNet", "wifi.password=correct horse",
        "duino.username=alice", "duino.pool=pool.lan:2811",
    };

    [Fact]
    public void A_duino_board_without_a_broker_gets_no_mqtt_section_and_parses_on_the_board()
    {
        using FlashBench bench = new();

        ToolRun run = bench.Run(new[] { "config", "--out", bench.Out, "--consent" }.Concat(DuinoBoard.SelectMany(s => new[] { "--set", s })).ToArray());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string text = File.ReadAllText(Path.Combine(bench.Out, "iotminer.json"));
        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.False(doc.RootElement.TryGetProperty("mqtt", out _));
        Assert.Equal("pool.lan:2811", doc.RootElement.GetProperty("duino").GetProperty("pool").GetString());
        FirmwareConfig board = FirmwareConfig.Parse(text);
        Assert.False(board.HasBroker);
        Assert.Equal(("alice", "pool.lan", 2811, "ESP32", "esp32-duco"),
            (board.Duino!.Username, board.Duino.PoolHost, board.Duino.PoolPort, board.Duino.Difficulty, board.Duino.RigId));
    }

    [Fact]
    public void Every_duino_key_reaches_the_board_beside_a_broker()
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);

        DeviceConfig config = DeviceConfigReader.Read(file, new[]
        {
            "duino.username=alice", "duino.miningKey=k3y-secret", "duino.pool=10.1.2.3:2812", "duino.difficulty=LOW", "duino.rigId=garage",
        }, dir.Path);
        FirmwareConfig board = FirmwareConfig.Parse(DeviceConfigFiles.RenderJson(config));

        Assert.True(board.HasBroker);
        Assert.Equal("broker.lan", board.MqttHost);
        Assert.Equal(("alice", "k3y-secret", "10.1.2.3", 2812, "LOW", "garage"),
            (board.Duino!.Username, board.Duino.MiningKey, board.Duino.PoolHost, board.Duino.PoolPort, board.Duino.Difficulty, board.Duino.RigId));
    }

    [Theory]
    [InlineData("duino.pool=pool.lan", "duino.pool = \"pool.lan\" is not host:port")]
    [InlineData("duino.pool=pool.lan:99999", "duino.pool = \"pool.lan:99999\" is not host:port with a port of 1 to 65535")]
    [InlineData("duino.difficulty=ESP33", "duino.difficulty = \"ESP33\" is not a tier: use one of AVR, ARM, ESP8266, ESP8266H, ESP32, LOW, MEDIUM, NET")]
    [InlineData("duino.username=al,ice", "duino.username = \"al,ice\" must be 1 to 64 characters without commas")]
    [InlineData("duino.rigId=my rig", "duino.rigId = \"my rig\" must be 1 to 64 characters without commas, spaces")]
    public void Duino_problems_carry_the_firmwares_own_message(string setting, string expected)
    {
        ConfigException error = Assert.Throws<ConfigException>(() => Read(DuinoBoard.Append(setting).ToArray()));

        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_mining_key_that_breaks_the_job_line_is_refused_without_showing_it()
    {
        ConfigException error = Assert.Throws<ConfigException>(() => Read(DuinoBoard.Append("duino.miningKey=top,secret").ToArray()));

        string problem = Assert.Single(error.Problems);
        Assert.Contains("duino.miningKey (10 characters, not shown)", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("top,secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_duino_section_the_broker_stays_required_and_a_partial_broker_is_refused_in_duino_mode()
    {
        ConfigException gateway = Assert.Throws<ConfigException>(() => Read("deviceId=b1", "wifi.ssid=Net", "wifi.password="));
        ConfigException partial = Assert.Throws<ConfigException>(() => Read(DuinoBoard.Append("mqtt.username=miner").ToArray()));

        Assert.Contains(gateway.Problems, p => p.StartsWith("mqtt.host is missing", StringComparison.Ordinal));
        Assert.Contains(partial.Problems, p => p.StartsWith("mqtt.host is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duino_section_without_user_or_pool_names_both()
    {
        ConfigException error = Assert.Throws<ConfigException>(() => Read("deviceId=b1", "wifi.ssid=Net", "wifi.password=", "duino.difficulty=LOW"));

        Assert.Contains(error.Problems, p => p.StartsWith("duino.username is missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("duino.pool is missing", StringComparison.Ordinal));
    }

    private static DeviceConfig Read(params string[] overrides)
    {
        using TempDirectory dir = new();
        return DeviceConfigReader.Read(null, overrides, dir.Path);
    }
}
