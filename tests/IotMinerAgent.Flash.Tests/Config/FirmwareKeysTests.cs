using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CsCheck;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Config;

/// <summary>The tool and the firmware agree on the keys of iotminer.json, what each accepts, and what each refuses.</summary>
public class FirmwareKeysTests
{
    private const string Core = """
        "deviceId": "esp32-garage",
        "wifi": { "ssid": "HomeNet", "password": "correct horse" }
        """;

    private static Gen<string> Whole(int min, int max) => Gen.Int[min, max].Select(i => i.ToString(CultureInfo.InvariantCulture));

    private static Gen<string> Decimal(int min, int max, int decimals) =>
        Gen.Int[min, max].Select(i => ((decimal)i / (decimal)Math.Pow(10, decimals)).ToString(CultureInfo.InvariantCulture));

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static Gen<string> Boolean => Gen.Bool.Select(b => b ? "true" : "false");

    /// <summary>Values for every key the tool does not check itself: inside, at and beyond the firmware's ranges.</summary>
    private static readonly (string Key, Gen<string> Value)[] DeviceValues =
    {
        ("mqtt.keepAliveSeconds", Whole(0, 4000)),
        ("policy.targetTemperatureC", Decimal(20000, 100000, 3)),
        ("policy.hardLimitC", Decimal(30000, 120000, 3)),
        ("policy.maxDutyPercent", Whole(-5, 105)),
        ("policy.minDutyPercent", Whole(-5, 105)),
        ("policy.idleOnly", Boolean),
        ("policy.idleDelaySeconds", Whole(-10, 90000)),
        ("policy.noSensor", Pick("\"pause\"", "\"fixed\"", "\"off\"")),
        ("policy.noSensorDutyPercent", Whole(-5, 105)),
        ("sensor.enabled", Boolean),
        ("sensor.gain", Decimal(-2000000, 2000000, 6)),
        ("sensor.offsetC", Decimal(-1200000, 1200000, 3)),
        ("mining.algorithms", Pick("[\"sha256d\"]", "[\"sha256d\", \"scrypt\"]", "[\"scrypt\"]", "[]", "[\"x11\"]", "\"sha256d\"")),
        ("mining.sliceNonces", Gen.OneOf(Whole(-1, 70000), Gen.Const("null"))),
        ("mining.minFreeHeapBytes", Whole(-1, 17000000)),
        ("mining.watchdogSeconds", Whole(0, 4000)),
        ("mining.statusIntervalSeconds", Whole(0, 4000)),
        ("mining.outboxCapacity", Whole(0, 1100)),
    };

    /// <summary>No duino section (gateway mode), a valid one, or one with a single flaw the firmware names.</summary>
    private static readonly Gen<string> DuinoSection = Pick(
        string.Empty,
        string.Empty,
        "\"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan:2811\" }",
        "\"duino\": { \"username\": \"alice\", \"miningKey\": \"k3y\", \"pool\": \"10.0.0.5:2812\", \"difficulty\": \"LOW\", \"rigId\": \"garage\" }",
        "\"duino\": { \"username\": \"al,ice\", \"pool\": \"pool.lan:2811\" }",
        "\"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan\" }",
        "\"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan:2811\", \"difficulty\": \"ESP33\" }",
        "\"duino\": { \"username\": \"alice\", \"pool\": \"pool.lan:2811\", \"miningKey\": \"a b\" }",
        "\"duino\": { \"pool\": \"pool.lan:2811\" }");

    /// <summary>No energy section, a valid one, or one with a flaw the portable reader (the agent's messages) names.</summary>
    private static readonly Gen<string> EnergySection = Pick(
        string.Empty,
        string.Empty,
        string.Empty,
        string.Empty,
        string.Empty,
        string.Empty,
        string.Empty,
        "\"energy\": { \"mode\": \"always\", \"margin\": 0.2, \"currency\": \"CHF\" }",
        "\"energy\": { \"mode\": \"profitable\", \"priceTopic\": \"home/price\", \"coinPrice\": 0, \"minSwitchSeconds\": 60, \"unknownAction\": \"mine\" }",
        "\"energy\": { \"mode\": \"Budget\", \"dailyKwh\": 0.05, \"boardWatts\": 0.75, \"idleWatts\": \"0.3\", \"tariff\": \"07:00-22:00=0.41,22:00-07:00=0.19\" }",
        "\"energy\": { \"mode\": \"surplus\", \"surplusTopic\": \"home/export\", \"topicTimeout\": 120 }",
        "\"energy\": { \"tariff\": \"22:00-07:00\", \"topicTimeout\": -1 }",
        "\"energy\": { \"priceTopic\": \"home/+/price\", \"boardWatts\": 0 }");

    /// <summary>A configuration file with the valid core and a random subset of the other keys.</summary>
    private static readonly Gen<string> AnyConfig = Gen.Select(
        DeviceValues.Aggregate(Gen.Const(Array.Empty<(string, string)>()), (acc, entry) =>
            Gen.Select(acc, Gen.Bool, entry.Value, (given, present, value) => present ? given.Append((entry.Key, value)).ToArray() : given)),
        DuinoSection,
        EnergySection,
        Render);

    private static string Render((string Key, string Value)[] given, string duino, string energy)
    {
        IEnumerable<string> sections = new[] { "mqtt", "policy", "sensor", "mining" }.Select(section =>
        {
            IEnumerable<string> members = given.Where(g => g.Key.StartsWith(section + ".", StringComparison.Ordinal))
                .Select(g => $"\"{g.Key[(section.Length + 1)..]}\": {g.Value}");
            if (section == "mqtt")
            {
                members = members.Prepend("\"host\": \"broker.lan\", \"username\": \"miner\", \"password\": \"s3cret\"");
            }

            return $"\"{section}\": {{ {string.Join(", ", members)} }}";
        });
        IEnumerable<string> all = duino.Length == 0 ? sections : sections.Append(duino);
        return "{ " + Core + ", \"consent\": true, " + string.Join(", ", energy.Length == 0 ? all : all.Append(energy)) + " }";
    }

    [Fact]
    public void The_tool_knows_exactly_the_keys_the_firmware_reads()
    {
        // "version" is the tool's to write, never the owner's to set.
        Assert.Equal(FirmwareConfig.Keys().Where(k => k != "version").Order(), ConfigKeys.All.Keys.Order());
    }

    [Fact]
    public void The_tool_refuses_exactly_what_the_firmware_refuses_and_every_file_it_writes_parses_on_the_board()
    {
        using TempDirectory dir = new();
        int accepted = 0;
        int refused = 0;
        AnyConfig.Sample(json =>
        {
            string file = dir.Write($"random-{Environment.CurrentManagedThreadId}.json", json);
            FirmwareConfig? expected = null;
            string[] firmwareErrors = Array.Empty<string>();
            try
            {
                expected = FirmwareConfig.Parse(json);
            }
            catch (FirmwareConfigException e)
            {
                firmwareErrors = e.Errors;
            }

            DeviceConfig? written = null;
            IReadOnlyList<string> toolProblems = Array.Empty<string>();
            try
            {
                written = DeviceConfigReader.Read(file, Array.Empty<string>(), dir.Path, ownerConsent: true);
            }
            catch (ConfigException e)
            {
                toolProblems = e.Problems;
            }

            Assert.Equal(firmwareErrors.Order(), toolProblems.Order());
            if (expected is not null)
            {
                FirmwareConfig onBoard = FirmwareConfig.Parse(DeviceConfigFiles.RenderJson(written!));
                AssertSameDeviceSettings(expected, onBoard);
            }

            Interlocked.Increment(ref expected is null ? ref refused : ref accepted);
        }, iter: 2000);

        // Both sides of the property were exercised. About 6 % of the drawn files are valid (each key may be out
        // of range), so 300 draws left fewer than 10 valid ones about once in 20 runs; 2000 draws give about 115.
        Assert.True(accepted > 10 && refused > 10, $"accepted {accepted}, refused {refused}");
    }

    private static void AssertSameDeviceSettings(FirmwareConfig expected, FirmwareConfig actual)
    {
        Assert.True(actual.Consent);
        Assert.Equal(expected.KeepAliveSeconds, actual.KeepAliveSeconds);
        Assert.Equal(
            (expected.Policy.TargetMilliC, expected.Policy.HardLimitMilliC, expected.Policy.MaxDutyPercent, expected.Policy.MinDutyPercent,
                expected.Policy.IdleOnly, expected.Policy.IdleDelaySeconds, expected.Policy.NoSensor, expected.Policy.NoSensorDutyPercent),
            (actual.Policy.TargetMilliC, actual.Policy.HardLimitMilliC, actual.Policy.MaxDutyPercent, actual.Policy.MinDutyPercent,
                actual.Policy.IdleOnly, actual.Policy.IdleDelaySeconds, actual.Policy.NoSensor, actual.Policy.NoSensorDutyPercent));
        Assert.Equal((expected.SensorEnabled, expected.Calibration.GainMicro, expected.Calibration.OffsetMilliC),
            (actual.SensorEnabled, actual.Calibration.GainMicro, actual.Calibration.OffsetMilliC));
        Assert.Equal(expected.Algorithms, actual.Algorithms);
        Assert.Equal(expected.Duino is null, actual.Duino is null);
        if (expected.Duino is not null)
        {
            Assert.Equal((expected.Duino.Username, expected.Duino.MiningKey, expected.Duino.PoolHost, expected.Duino.PoolPort, expected.Duino.Difficulty, expected.Duino.RigId),
                (actual.Duino!.Username, actual.Duino.MiningKey, actual.Duino.PoolHost, actual.Duino.PoolPort, actual.Duino.Difficulty, actual.Duino.RigId));
        }

        Assert.Equal(
            (expected.EnergyPolicy.Mode, expected.EnergyPolicy.DailyBudgetMilliWh, expected.EnergyPolicy.FlatPriceNanoPerKwh, expected.EnergyPolicy.Tariff.Length,
                expected.Energy.PriceTopic, expected.EnergyPolicy.BoardMilliW, expected.EnergyPolicy.MinSwitchSeconds, expected.Energy.TopicTimeoutSeconds, expected.EnergyPolicy.UnknownAction),
            (actual.EnergyPolicy.Mode, actual.EnergyPolicy.DailyBudgetMilliWh, actual.EnergyPolicy.FlatPriceNanoPerKwh, actual.EnergyPolicy.Tariff.Length,
                actual.Energy.PriceTopic, actual.EnergyPolicy.BoardMilliW, actual.EnergyPolicy.MinSwitchSeconds, actual.Energy.TopicTimeoutSeconds, actual.EnergyPolicy.UnknownAction));
        Assert.Equal((expected.SliceNonces, expected.MinFreeHeapBytes, expected.WatchdogSeconds, expected.StatusIntervalSeconds, expected.OutboxCapacity),
            (actual.SliceNonces, actual.MinFreeHeapBytes, actual.WatchdogSeconds, actual.StatusIntervalSeconds, actual.OutboxCapacity));
    }

    [Theory]
    [InlineData("mqtt.keepAliveSeconds=120")]
    [InlineData("policy.minDutyPercent=20")]
    [InlineData("policy.idleDelaySeconds=60")]
    [InlineData("policy.noSensor=pause")]
    [InlineData("policy.noSensorDutyPercent=25")]
    [InlineData("sensor.enabled=false")]
    [InlineData("sensor.gain=0.5")]
    [InlineData("sensor.offsetC=-12.5")]
    [InlineData("mining.algorithms=sha256d,scrypt")]
    [InlineData("mining.sliceNonces=8")]
    [InlineData("mining.minFreeHeapBytes=20000")]
    [InlineData("mining.watchdogSeconds=30")]
    [InlineData("mining.statusIntervalSeconds=5")]
    [InlineData("mining.outboxCapacity=64")]
    [InlineData("energy.priceTopic=home/sensor/price/state")]
    [InlineData("energy.pricePerKwh=0.41")]
    [InlineData("energy.minSwitchSeconds=60")]
    [InlineData("energy.boardWatts=0.75")]
    [InlineData("energy.unknownAction=mine")]
    public void Each_device_key_can_be_set_and_reaches_the_board(string setting)
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);

        string json = DeviceConfigFiles.RenderJson(DeviceConfigReader.Read(file, new[] { setting }, dir.Path));
        FirmwareConfig board = FirmwareConfig.Parse(json);

        string value = setting[(setting.IndexOf('=') + 1)..];
        string? shown = setting[..setting.IndexOf('=')] switch
        {
            "mqtt.keepAliveSeconds" => board.KeepAliveSeconds.ToString(CultureInfo.InvariantCulture),
            "policy.minDutyPercent" => board.Policy.MinDutyPercent.ToString(CultureInfo.InvariantCulture),
            "policy.idleDelaySeconds" => board.Policy.IdleDelaySeconds.ToString(CultureInfo.InvariantCulture),
            "policy.noSensor" => board.Policy.NoSensor == IotMinerAgent.Governor.NoSensorAction.Pause ? "pause" : "fixed",
            "policy.noSensorDutyPercent" => board.Policy.NoSensorDutyPercent.ToString(CultureInfo.InvariantCulture),
            "sensor.enabled" => board.SensorEnabled ? "true" : "false",
            "sensor.gain" => (board.Calibration.GainMicro / 1e6).ToString(CultureInfo.InvariantCulture),
            "sensor.offsetC" => (board.Calibration.OffsetMilliC / 1e3).ToString(CultureInfo.InvariantCulture),
            "mining.algorithms" => string.Join(",", board.Algorithms),
            "mining.sliceNonces" => board.SliceNonces.ToString(CultureInfo.InvariantCulture),
            "mining.minFreeHeapBytes" => board.MinFreeHeapBytes.ToString(CultureInfo.InvariantCulture),
            "mining.watchdogSeconds" => board.WatchdogSeconds.ToString(CultureInfo.InvariantCulture),
            "mining.statusIntervalSeconds" => board.StatusIntervalSeconds.ToString(CultureInfo.InvariantCulture),
            "mining.outboxCapacity" => board.OutboxCapacity.ToString(CultureInfo.InvariantCulture),
            "energy.priceTopic" => board.Energy.PriceTopic,
            "energy.pricePerKwh" => IotMinerAgent.Governor.DecimalText.Format(board.Energy.PricePerKwhNano, 1_000_000_000),
            "energy.minSwitchSeconds" => board.EnergyPolicy.MinSwitchSeconds.ToString(CultureInfo.InvariantCulture),
            "energy.boardWatts" => IotMinerAgent.Governor.DecimalText.Format(board.EnergyPolicy.BoardMilliW, 1000),
            "energy.unknownAction" => board.EnergyPolicy.UnknownAction == IotMinerAgent.Governor.UnknownEnergyAction.Mine ? "mine" : "pause",
            _ => null,
        };
        Assert.Equal(value, shown);
    }

    [Theory]
    [InlineData("mining.sliceNonces=0", "mining.sliceNonces = 0 is out of range: allowed 1 to 65536.")]
    [InlineData("mining.outboxCapacity=2000", "mining.outboxCapacity = 2000 shares is out of range: allowed 1 to 1024 shares.")]
    [InlineData("mqtt.keepAliveSeconds=1", "mqtt.keepAliveSeconds = 1 s is out of range: allowed 5 to 3600 s.")]
    [InlineData("policy.noSensor=off", "policy.noSensor = \"off\" is not an action: use \"pause\"")]
    [InlineData("mining.algorithms=sha256d,x11", "mining.algorithms item 2 (x11) is not an algorithm this firmware hashes")]
    [InlineData("policy.minDutyPercent=70", "policy.minDutyPercent = 70 must not exceed policy.maxDutyPercent = 60.")]
    [InlineData("energy.mode=sometimes", "energy:mode = 'sometimes' is invalid; allowed: always, profitable, surplus or budget")]
    [InlineData("energy.tariff=22:00-07:00", "energy:tariff entry '22:00-07:00' is invalid; allowed: HH:MM-HH:MM=price")]
    [InlineData("energy.mode=profitable", "energy:mode = profitable needs an energy price: set energy:pricePerKwh, energy:tariff or energy:priceTopic.")]
    public void Device_key_problems_carry_the_firmwares_own_message(string setting, string expected)
    {
        using TempDirectory dir = new();
        string file = dir.Write("c.json", FlashBench.ValidConfig);

        ConfigException e = Assert.Throws<ConfigException>(() => DeviceConfigReader.Read(file, new[] { setting }, dir.Path));

        Assert.Contains(expected, Assert.Single(e.Problems));
    }

    [Fact]
    public void Without_consent_the_file_says_no_and_the_tool_says_the_board_will_not_mine()
    {
        using FlashBench bench = new();

        ToolRun run = bench.Run("config", "--config", bench.ConfigPath, "--out", bench.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.False(FirmwareConfig.Parse(File.ReadAllText(Path.Combine(bench.Out, "iotminer.json"))).Consent);
        Assert.Contains("consent: NO", run.Error);
        Assert.Contains("with --consent", run.Error);
    }

    [Fact]
    public void Consent_needs_the_command_line_option_not_just_the_file()
    {
        using FlashBench bench = new();

        ToolRun refused = bench.Run("config", "--config", bench.ConfigPath, "--set", "consent=true", "--out", bench.Out);
        ToolRun given = bench.Run("config", "--config", bench.ConfigPath, "--consent", "--out", bench.Out);

        Assert.Equal(ExitCodes.BadConfig, refused.ExitCode);
        Assert.Contains("consent = true needs the owner's explicit --consent on the command line", refused.Error);
        Assert.Equal(ExitCodes.Ok, given.ExitCode);
        Assert.True(FirmwareConfig.Parse(File.ReadAllText(Path.Combine(bench.Out, "iotminer.json"))).Consent);
        Assert.Contains("consent: yes", given.Error);
    }
}
