using System.Linq;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>I:\iotminer.json: what tools/flash writes parses, and every mistake names the key and the fix.</summary>
public sealed class ConfigTests
{
    // The shape tools/flash DeviceConfigFiles.RenderJson writes (indented, defaults filled in, the CA as its own file).
    const string FlashToolOutput = """
        {
          "version": 1,
          "deviceId": "esp32-garage",
          "wifi": {
            "ssid": "HomeNet",
            "password": "correct horse"
          },
          "mqtt": {
            "host": "broker.lan",
            "port": 8883,
            "tls": true,
            "caFile": "I:\\iotminer-ca.pem",
            "username": "miner",
            "password": "s3cret-pass"
          },
          "policy": {
            "targetTemperatureC": 65.5,
            "hardLimitC": 75,
            "maxDutyPercent": 60,
            "idleOnly": false
          }
        }
        """;

    [Fact]
    public void The_flash_tools_file_parses_into_the_same_values()
    {
        FirmwareConfig config = FirmwareConfig.Parse(FlashToolOutput);

        Assert.Equal("esp32-garage", config.DeviceId);
        Assert.Equal("HomeNet", config.WifiSsid);
        Assert.Equal("broker.lan", config.MqttHost);
        Assert.Equal(8883, config.MqttPort);
        Assert.True(config.MqttTls);
        Assert.Equal(@"I:\iotminer-ca.pem", config.MqttCaFile);
        Assert.Equal(65500, config.Policy.TargetMilliC);
        Assert.Equal(75000, config.Policy.HardLimitMilliC);
        Assert.Equal(60, config.Policy.MaxDutyPercent);
        Assert.False(config.Policy.IdleOnly);
        Assert.False(config.Consent);
    }

    [Fact]
    public void Device_keys_set_consent_calibration_no_sensor_policy_and_mining_limits()
    {
        FirmwareConfig config = FirmwareConfig.Parse(FlashToolOutput.Replace("\"version\": 1,", """
            "version": 1, "consent": true,
            "sensor": { "gain": 0.5, "offsetC": -10.25 },
            "mining": { "algorithms": ["sha256d", "scrypt"], "sliceNonces": 8, "outboxCapacity": 4, "watchdogSeconds": 5 },
            """).Replace("\"idleOnly\": false", "\"idleOnly\": true, \"noSensor\": \"pause\""));

        Assert.True(config.Consent);
        Assert.Equal(39750, config.Calibration.ToMilliC(100));
        Assert.Equal(NoSensorAction.Pause, config.Policy.NoSensor);
        Assert.True(config.Policy.IdleOnly);
        Assert.Equal(["sha256d", "scrypt"], config.Algorithms);
        Assert.Equal(8, config.SliceNonces);
        Assert.Equal(4, config.OutboxCapacity);
        Assert.Equal(5, config.WatchdogSeconds);
    }

    [Fact]
    public void The_default_calibration_reads_the_esp32_classic_raw_scale()
    {
        // The ESP32 classic's sensor reads about °F: 122 → 50 °C, 32 → 0 °C.
        TemperatureCalibration calibration = new FirmwareConfig().Calibration;

        Assert.InRange(calibration.ToMilliC(122), 49990, 50010);
        Assert.InRange(calibration.ToMilliC(32), -10, 10);
    }

    [Theory]
    [InlineData("\"deviceId\": \"esp32-garage\",", "", "deviceId is missing")]
    [InlineData("\"deviceId\": \"esp32-garage\"", "\"deviceId\": \"esp32 garage\"", "deviceId = \"esp32 garage\" is not a device id")]
    [InlineData("\"ssid\": \"HomeNet\",", "", "wifi.ssid is missing")]
    [InlineData("\"password\": \"correct horse\"", "\"password\": \"short\"", "wifi.password has 5 characters")]
    [InlineData("\"port\": 8883", "\"port\": 70000", "mqtt.port = 70000 is out of range: allowed 1 to 65535")]
    [InlineData("\"port\": 8883", "\"port\": \"8883\"", "mqtt.port = a string is not a plain decimal number")]
    [InlineData("\"tls\": true", "\"tls\": \"yes\"", "mqtt.tls is a string: write true or false")]
    [InlineData("\"username\": \"miner\",", "", "mqtt.password is set without mqtt.username")]
    [InlineData("\"hardLimitC\": 75", "\"hardLimitC\": 65", "policy.hardLimitC = 65 °C must be at least 1 °C above")]
    [InlineData("\"maxDutyPercent\": 60", "\"maxDutyPercent\": 60.5", "policy.maxDutyPercent = 60.5 must be a whole number")]
    [InlineData("\"idleOnly\": false", "\"idleOnly\": false, \"idelDelaySeconds\": 5", "policy.idelDelaySeconds is not a known key")]
    [InlineData("\"version\": 1", "\"version\": 2", "version = 2 is out of range")]
    public void Every_mistake_names_the_key_and_what_is_allowed(string original, string replacement, string expected)
    {
        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(FlashToolOutput.Replace(original, replacement)));

        Assert.Contains(error.Errors, e => e.Contains(expected));
        Assert.Contains(FirmwareConfig.ConfigPath, error.Message);
    }

    [Fact]
    public void All_problems_are_reported_at_once_and_secrets_are_not_echoed()
    {
        string broken = FlashToolOutput.Replace("\"ssid\": \"HomeNet\",", "").Replace("\"port\": 8883", "\"port\": 0")
            .Replace("\"password\": \"correct horse\"", "\"password\": \"tiny\"");

        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(broken));

        Assert.Equal(3, error.Errors.Length);
        Assert.DoesNotContain("tiny", error.Message);
    }

    [Theory]
    [InlineData("{ \"deviceId\": \"a\", }", "line 1, column 20: expected a member name in double quotes, found '}'")]
    [InlineData("{\n  \"deviceId\": \"a\"\n  \"wifi\": {}\n}", "line 3, column 3: expected '}'")]
    [InlineData("{ \"deviceId\": \"a\", \"deviceId\": \"b\" }", "not a second \"deviceId\"")]
    [InlineData("[1, 2]", "must be one JSON object")]
    [InlineData("", "expected a value")]
    public void Text_that_is_not_json_is_refused_with_the_position(string text, string expected)
    {
        FirmwareConfigException error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(text));

        Assert.Contains(expected, error.Errors.Single());
    }
}
