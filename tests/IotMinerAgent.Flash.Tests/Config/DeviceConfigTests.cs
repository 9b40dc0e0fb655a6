using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Config;

public class DeviceConfigTests
{
    private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";

    private static ConfigException Invalid(string json, params string[] overrides)
    {
        using TempDirectory dir = new();
        string file = dir.Write("config.json", json);
        return Assert.Throws<ConfigException>(() => DeviceConfigReader.Read(file, overrides, dir.Path));
    }

    private static string OnlyProblem(string json, params string[] overrides) => Assert.Single(Invalid(json, overrides).Problems);

    [Fact]
    public void Writes_the_device_file_with_every_key_and_the_defaults_filled_in()
    {
        using FlashBench bench = new();
        string minimal = bench.Write("minimal.json", """{ "deviceId": "b1", "wifi": { "ssid": "Net", "password": "" }, "mqtt": { "host": "10.0.0.2", "tls": false } }""");

        ToolRun run = bench.Run("config", "--config", minimal, "--out", bench.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(Path.Combine(bench.Out, "iotminer.json"), run.Out.Trim());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench.Out, "iotminer.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("b1", root.GetProperty("deviceId").GetString());
        Assert.Equal("", root.GetProperty("wifi").GetProperty("password").GetString());
        Assert.Equal(1883, root.GetProperty("mqtt").GetProperty("port").GetInt32());
        Assert.False(root.GetProperty("mqtt").TryGetProperty("username", out _));
        JsonElement policy = root.GetProperty("policy");
        Assert.Equal((70.0, 80.0, 100, false), (policy.GetProperty("targetTemperatureC").GetDouble(), policy.GetProperty("hardLimitC").GetDouble(),
            policy.GetProperty("maxDutyPercent").GetInt32(), policy.GetProperty("idleOnly").GetBoolean()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(bench.Out, "iotminer.json")));
    }

    [Fact]
    public void Tls_defaults_on_with_port_8883_and_overrides_win_over_the_file()
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig.Replace("\"port\": 8883, ", string.Empty));

        DeviceConfig config = DeviceConfigReader.Read(file, new[] { "wifi.ssid=Other Net", "policy.idleOnly=false", "policy.hardLimitC=90.5" }, dir.Path);

        Assert.Equal(8883, config.Mqtt.Port);
        Assert.True(config.Mqtt.Tls);
        Assert.Equal("Other Net", config.Wifi.Ssid);
        Assert.False(config.Policy.IdleOnly);
        Assert.Equal(90.5, config.Policy.HardLimitC);
        Assert.Equal(65, config.Policy.TargetTemperatureC);
    }

    [Fact]
    public void The_ca_certificate_goes_to_its_own_file_named_in_the_json_and_a_relative_path_follows_the_config_file()
    {
        using TempDirectory dir = new();
        dir.Write("certs/ca.pem", Pem);
        string file = dir.Write("cfg/../c.json", FlashBench.ValidConfig.Replace("\"tls\": true,", "\"tls\": true, \"caFile\": \"certs/ca.pem\","));

        DeviceConfig config = DeviceConfigReader.Read(file, Array.Empty<string>(), "/");
        var files = DeviceConfigFiles.Render(config);

        Assert.Equal(new[] { @"I:\iotminer.json", @"I:\iotminer-ca.pem" }, files.Select(f => f.DevicePath));
        Assert.Equal(Pem, System.Text.Encoding.UTF8.GetString(files[1].Content));
        using JsonDocument doc = JsonDocument.Parse(files[0].Content);
        Assert.Equal(@"I:\iotminer-ca.pem", doc.RootElement.GetProperty("mqtt").GetProperty("caFile").GetString());
    }

    [Fact]
    public void A_bad_config_exits_78_with_every_problem_on_stderr()
    {
        using FlashBench bench = new();
        string bad = bench.Write("bad.json", """{ "deviceId": "no spaces", "wifi": { "ssid": "Net", "password": "short" }, "mqtt": { "host": "b", "port": 0 } }""");

        ToolRun run = bench.Run("config", "--config", bad, "--out", bench.Out);

        Assert.Equal(ExitCodes.BadConfig, run.ExitCode);
        Assert.Contains("deviceId = \"no spaces\" is not allowed", run.Error);
        Assert.Contains("wifi.password (5 characters, not shown)", run.Error);
        Assert.Contains("mqtt.port = 0 is out of range: allowed 1 to 65535", run.Error);
        Assert.DoesNotContain("short", run.Error);
        Assert.False(Directory.Exists(bench.Out));
    }

    [Theory]
    [InlineData("deviceId", "", "deviceId = \"\" is not allowed: use 1 to 64 characters from a-z, A-Z, 0-9, _ and -")]
    [InlineData("deviceId", "esp32.garage", "deviceId = \"esp32.garage\" is not allowed")]
    [InlineData("wifi.ssid", "123456789012345678901234567890123", "wifi.ssid = \"123456789012345678901234567890123\" is 33 bytes long: a network name has 1 to 32 bytes")]
    [InlineData("wifi.password", "1234567", "wifi.password (7 characters, not shown) is not a WPA2 passphrase: use 8 to 63 printable ASCII characters or 64 hex digits")]
    [InlineData("mqtt.host", "bad host", "mqtt.host = \"bad host\" is not a host name or IP address")]
    [InlineData("mqtt.port", "70000", "mqtt.port = 70000 is out of range: allowed 1 to 65535")]
    [InlineData("mqtt.port", "abc", "mqtt.port = abc must be a whole number")]
    [InlineData("mqtt.tls", "yes", "mqtt.tls = yes must be true or false")]
    [InlineData("policy.targetTemperatureC", "20", "policy.targetTemperatureC = 20 °C is out of range: allowed 30 to 95 °C")]
    [InlineData("policy.hardLimitC", "65.5", "policy.hardLimitC = 65.5 °C must be at least 1 °C above policy.targetTemperatureC = 65 °C")]
    [InlineData("policy.maxDutyPercent", "0", "policy.maxDutyPercent = 0 % is out of range: allowed 1 to 100 %")]
    public void Each_problem_names_the_key_the_value_and_what_is_allowed(string key, string value, string expected)
    {
        Assert.Contains(expected, OnlyProblem(FlashBench.ValidConfig, key + "=" + value));
    }

    [Fact]
    public void A_device_id_of_64_characters_is_allowed_and_65_is_not()
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);
        Assert.Equal(64, DeviceConfigReader.Read(file, new[] { "deviceId=" + new string('a', 64) }, dir.Path).DeviceId.Length);
        Assert.Contains("deviceId = \"" + new string('a', 65), OnlyProblem(FlashBench.ValidConfig, "deviceId=" + new string('a', 65)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef")]
    public void Accepts_open_networks_passphrases_and_raw_keys(string password)
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);

        Assert.Equal(password, DeviceConfigReader.Read(file, new[] { "wifi.password=" + password }, dir.Path).Wifi.Password);
    }

    [Fact]
    public void Reports_missing_required_keys()
    {
        ConfigException e = Invalid("{ }");

        Assert.Contains(e.Problems, p => p.StartsWith("deviceId is missing"));
        Assert.Contains(e.Problems, p => p.StartsWith("wifi.ssid is missing"));
        Assert.Contains(e.Problems, p => p.StartsWith("wifi.password is missing"));
        Assert.Contains(e.Problems, p => p.StartsWith("mqtt.host is missing"));
    }

    [Fact]
    public void A_misspelt_key_is_an_error_listing_the_allowed_ones()
    {
        string problem = OnlyProblem(FlashBench.ValidConfig.Replace("\"ssid\"", "\"sid\""), "wifi.ssid=x");

        Assert.Equal("unknown key wifi.sid: allowed keys in wifi are ssid, password.", problem);
        Assert.StartsWith("unknown key colour", OnlyProblem(FlashBench.ValidConfig, "colour=blue"));
        Assert.Contains(Invalid("""{ "deviceId": "a", "wifi": "x", "mqtt": { "host": "h" } }""").Problems,
            p => p == "wifi must be a JSON object with the keys ssid, password.");
    }

    [Fact]
    public void Ca_file_problems_are_named()
    {
        using TempDirectory dir = new();
        string notPem = dir.Write("ca.der", "0\u0082\u0001");
        string pem = dir.Write("ca.pem", Pem);

        Assert.Contains("was not found", OnlyProblem(FlashBench.ValidConfig, "mqtt.caFile=" + dir.Combine("none.pem")));
        Assert.Contains("holds no PEM certificate", OnlyProblem(FlashBench.ValidConfig, "mqtt.caFile=" + notPem));
        Assert.Contains("mqtt.caFile is set but mqtt.tls = false", OnlyProblem(FlashBench.ValidConfig, "mqtt.caFile=" + pem, "mqtt.tls=false"));
    }

    [Fact]
    public void A_password_without_a_user_name_is_refused_without_showing_it()
    {
        string problem = OnlyProblem(FlashBench.ValidConfig.Replace("\"username\": \"miner\", ", string.Empty));

        Assert.Contains("mqtt.password is set but mqtt.username is empty", problem);
        Assert.DoesNotContain("s3cret", problem);
        Assert.DoesNotContain("s3cret", OnlyProblem(FlashBench.ValidConfig.Replace("\"password\": \"s3cret\"", "\"password\": [\"s3cret\"]")));
    }

    [Fact]
    public void Unreadable_files_are_config_errors()
    {
        Assert.Contains("not valid JSON", OnlyProblem("{ \"deviceId\": "));
        Assert.Contains("must hold a JSON object", OnlyProblem("[1, 2]"));
        using TempDirectory dir = new();
        ConfigException e = Assert.Throws<ConfigException>(() => DeviceConfigReader.Read(dir.Combine("none.json"), Array.Empty<string>(), dir.Path));
        Assert.Contains("the file was not found", e.Problems[0]);
    }

    [Fact]
    public void An_override_without_equals_sign_is_a_config_error()
    {
        Assert.Contains("write it as key=value", OnlyProblem(FlashBench.ValidConfig, "deviceId"));
    }

    [Fact]
    public void Non_ascii_ssids_are_written_as_utf8_not_escapes()
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);
        DeviceConfig config = DeviceConfigReader.Read(file, new[] { "wifi.ssid=Café+Ünï" }, dir.Path);

        Assert.Contains("\"ssid\": \"Café+Ünï\"", DeviceConfigFiles.RenderJson(config));
    }
}
