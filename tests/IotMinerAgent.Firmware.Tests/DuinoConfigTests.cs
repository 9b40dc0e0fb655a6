using System.Linq;
using IotMinerAgent.Firmware.Config;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>The <c>duino</c> section of I:\iotminer.json: Duino mode, MQTT optional, and every mistake named.</summary>
public sealed class DuinoConfigTests
{
    const string DuinoBoard = """
        {
          "version": 1,
          "deviceId": "esp32-duco",
          "consent": true,
          "wifi": { "ssid": "HomeNet", "password": "correct horse" },
          "duino": { "username": "alice", "pool": "pool.lan:2811" }
        }
        """;

    [Fact]
    public void A_duino_section_without_mqtt_is_duino_mode_with_the_defaults()
    {
        FirmwareConfig config = FirmwareConfig.Parse(DuinoBoard);

        Assert.False(config.HasBroker);
        Assert.NotNull(config.Duino);
        Assert.Equal(("alice", string.Empty, "pool.lan", 2811, "ESP32", "esp32-duco"),
            (config.Duino!.Username, config.Duino.MiningKey, config.Duino.PoolHost, config.Duino.PoolPort, config.Duino.Difficulty, config.Duino.RigId));
    }

    [Fact]
    public void Every_duino_key_is_read_and_a_broker_may_be_added()
    {
        FirmwareConfig config = FirmwareConfig.Parse(DuinoBoard.Replace(
            "\"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan:2811\" }",
            "\"duino\": { \"username\": \"alice\", \"miningKey\": \"k3y\", \"pool\": \"10.0.0.9:6000\", \"difficulty\": \"LOW\", \"rigId\": \"shed\" }, " +
            "\"mqtt\": { \"host\": \"broker.lan\", \"tls\": false }"));

        Assert.True(config.HasBroker);
        Assert.Equal(1883, config.MqttPort);
        Assert.Equal(("k3y", "10.0.0.9", 6000, "LOW", "shed"),
            (config.Duino!.MiningKey, config.Duino.PoolHost, config.Duino.PoolPort, config.Duino.Difficulty, config.Duino.RigId));
    }

    [Fact]
    public void A_tier_in_any_case_is_stored_as_the_pools_spell_it()
    {
        FirmwareConfig config = FirmwareConfig.Parse(DuinoBoard.Replace("\"alice\"", "\"alice\", \"difficulty\": \"low\""));

        Assert.Equal("LOW", config.Duino!.Difficulty);
    }

    [Fact]
    public void Without_a_duino_section_the_broker_is_required_as_before()
    {
        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(DuinoBoard.Replace(
            ",\n  \"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan:2811\" }", string.Empty)));

        Assert.Contains(error.Errors, e => e.StartsWith("mqtt.host is missing", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"username\": \"alice\", ", "", "duino.username is missing: set the Duino-Coin account")]
    [InlineData("\"pool\": \"pool.lan:2811\"", "\"rigId\": \"r\"", "duino.pool is missing: set the pool as \"host:port\"")]
    [InlineData("pool.lan:2811", "pool.lan", "duino.pool = \"pool.lan\" is not host:port")]
    [InlineData("pool.lan:2811", "pool.lan:0", "duino.pool = \"pool.lan:0\" is not host:port with a port of 1 to 65535")]
    [InlineData("pool.lan:2811", "pool.lan:+80", "duino.pool = \"pool.lan:+80\" is not host:port")]
    [InlineData("pool.lan:2811", ":2811", "duino.pool = \":2811\" is not host:port")]
    [InlineData("\"alice\"", "\"al ice\"", "duino.username = \"al ice\" must be 1 to 64 characters without commas, spaces or control characters")]
    [InlineData("\"alice\"", "42", "duino.username is a number: it must be a string")]
    [InlineData("\"alice\"", "\"alice\", \"difficulty\": \"ESP33\"", "duino.difficulty = \"ESP33\" is not a tier: use one of AVR, ARM, ESP8266, ESP8266H, ESP32, LOW, MEDIUM, NET (default ESP32")]
    [InlineData("\"alice\"", "\"alice\", \"rigid\": \"x\"", "duino.rigid is not a known key")]
    public void Every_duino_mistake_names_the_key_and_what_is_allowed(string original, string replacement, string expected)
    {
        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(DuinoBoard.Replace(original, replacement)));

        Assert.Contains(error.Errors, e => e.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_mining_key_is_refused_without_being_echoed()
    {
        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(DuinoBoard.Replace("\"alice\"", "\"alice\", \"miningKey\": \"s3cr,et\"")));

        Assert.Equal("duino.miningKey (7 characters, not shown) must be at most 64 characters without commas, spaces or control characters (it is a field of the pool's JOB line).",
            error.Errors.Single());
        Assert.DoesNotContain("s3cr,et", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_list_has_the_duino_section()
    {
        Assert.Equal(new[] { "duino.username", "duino.miningKey", "duino.pool", "duino.difficulty", "duino.rigId" },
            FirmwareConfig.Keys().Where(k => k.StartsWith("duino.", System.StringComparison.Ordinal)));
    }
}
