using System.Collections.Generic;
using System.Linq;

namespace IotMinerAgent.Flash.Config;

/// <summary>The kind of value a configuration key holds.</summary>
public enum ConfigValueKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>JSON true or false.</summary>
    Boolean,

    /// <summary>A JSON number without a fraction.</summary>
    WholeNumber,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary>A JSON array of strings (<c>--set</c> takes them comma-separated).</summary>
    TextList,
}

/// <summary>
/// Every key of the configuration file, as dotted paths (<c>section.name</c>) the way <c>--set</c> spells them. An
/// unknown key is an error, so a typo cannot silently leave a setting at its default. The keys are exactly those the
/// firmware reads (<c>FirmwareConfig.Keys()</c>; a test keeps the two lists equal).
/// </summary>
public static class ConfigKeys
{
    /// <summary>The device id.</summary>
    public const string DeviceId = "deviceId";

    /// <summary>Wi-Fi network name.</summary>
    public const string WifiSsid = "wifi.ssid";

    /// <summary>Wi-Fi passphrase (secret: never echoed).</summary>
    public const string WifiPassword = "wifi.password";

    /// <summary>Broker host.</summary>
    public const string MqttHost = "mqtt.host";

    /// <summary>Broker port.</summary>
    public const string MqttPort = "mqtt.port";

    /// <summary>Use TLS.</summary>
    public const string MqttTls = "mqtt.tls";

    /// <summary>PEM CA certificate file (relative paths are relative to the configuration file).</summary>
    public const string MqttCaFile = "mqtt.caFile";

    /// <summary>MQTT user name.</summary>
    public const string MqttUsername = "mqtt.username";

    /// <summary>MQTT password (secret: never echoed).</summary>
    public const string MqttPassword = "mqtt.password";

    /// <summary>Governor target temperature, °C.</summary>
    public const string TargetTemperature = "policy.targetTemperatureC";

    /// <summary>Governor hard limit, °C.</summary>
    public const string HardLimit = "policy.hardLimitC";

    /// <summary>Highest duty, %.</summary>
    public const string MaxDuty = "policy.maxDutyPercent";

    /// <summary>Idle-only mining.</summary>
    public const string IdleOnly = "policy.idleOnly";

    /// <summary>The owner's consent to mine; true only together with <c>--consent</c>.</summary>
    public const string Consent = "consent";

    /// <summary>The Duino-Coin account: its presence (any <c>duino.*</c> key) puts the board in Duino mode.</summary>
    public const string DuinoUsername = "duino.username";

    /// <summary>The Duino-Coin mining key (secret: never echoed).</summary>
    public const string DuinoMiningKey = "duino.miningKey";

    /// <summary>The Duino pool, <c>host:port</c>.</summary>
    public const string DuinoPool = "duino.pool";

    /// <summary>
    /// Keys the tool only passes through to the board: the firmware's own reader (<c>FirmwareConfig.Parse</c>) checks
    /// them, so their ranges and messages exist once.
    /// </summary>
    public static IReadOnlyDictionary<string, ConfigValueKind> DeviceOnly { get; } = new Dictionary<string, ConfigValueKind>
    {
        ["mqtt.keepAliveSeconds"] = ConfigValueKind.WholeNumber,
        ["policy.minDutyPercent"] = ConfigValueKind.WholeNumber,
        ["policy.idleDelaySeconds"] = ConfigValueKind.WholeNumber,
        ["policy.noSensor"] = ConfigValueKind.Text,
        ["policy.noSensorDutyPercent"] = ConfigValueKind.WholeNumber,
        ["sensor.enabled"] = ConfigValueKind.Boolean,
        ["sensor.gain"] = ConfigValueKind.Number,
        ["sensor.offsetC"] = ConfigValueKind.Number,
        ["mining.algorithms"] = ConfigValueKind.TextList,
        ["mining.sliceNonces"] = ConfigValueKind.WholeNumber,
        ["mining.minFreeHeapBytes"] = ConfigValueKind.WholeNumber,
        ["mining.watchdogSeconds"] = ConfigValueKind.WholeNumber,
        ["mining.statusIntervalSeconds"] = ConfigValueKind.WholeNumber,
        ["mining.outboxCapacity"] = ConfigValueKind.WholeNumber,
        [DuinoUsername] = ConfigValueKind.Text,
        [DuinoMiningKey] = ConfigValueKind.Text,
        [DuinoPool] = ConfigValueKind.Text,
        ["duino.difficulty"] = ConfigValueKind.Text,
        ["duino.rigId"] = ConfigValueKind.Text,
        // The energy rule (docs/energy.md): the Linux agent's energy:* keys, checked by the portable EnergySettings.
        ["energy.mode"] = ConfigValueKind.Text,
        ["energy.boardWatts"] = ConfigValueKind.Number,
        ["energy.idleWatts"] = ConfigValueKind.Number,
        ["energy.margin"] = ConfigValueKind.Number,
        ["energy.pricePerKwh"] = ConfigValueKind.Number,
        ["energy.tariff"] = ConfigValueKind.Text,
        ["energy.priceTopic"] = ConfigValueKind.Text,
        ["energy.coinPrice"] = ConfigValueKind.Number,
        ["energy.coinPriceTopic"] = ConfigValueKind.Text,
        ["energy.blockReward"] = ConfigValueKind.Number,
        ["energy.surplusTopic"] = ConfigValueKind.Text,
        ["energy.powerTopic"] = ConfigValueKind.Text,
        ["energy.dailyKwh"] = ConfigValueKind.Number,
        ["energy.monthlyKwh"] = ConfigValueKind.Number,
        ["energy.minSwitchSeconds"] = ConfigValueKind.WholeNumber,
        ["energy.topicTimeout"] = ConfigValueKind.WholeNumber,
        ["energy.unknownAction"] = ConfigValueKind.Text,
        ["energy.currency"] = ConfigValueKind.Text,
    };

    /// <summary>Every key with its kind (the file's <c>version</c> is written by the tool, not given).</summary>
    public static IReadOnlyDictionary<string, ConfigValueKind> All { get; } = new Dictionary<string, ConfigValueKind>
    {
        [Consent] = ConfigValueKind.Boolean,
        [DeviceId] = ConfigValueKind.Text,
        [WifiSsid] = ConfigValueKind.Text,
        [WifiPassword] = ConfigValueKind.Text,
        [MqttHost] = ConfigValueKind.Text,
        [MqttPort] = ConfigValueKind.WholeNumber,
        [MqttTls] = ConfigValueKind.Boolean,
        [MqttCaFile] = ConfigValueKind.Text,
        [MqttUsername] = ConfigValueKind.Text,
        [MqttPassword] = ConfigValueKind.Text,
        [TargetTemperature] = ConfigValueKind.Number,
        [HardLimit] = ConfigValueKind.Number,
        [MaxDuty] = ConfigValueKind.WholeNumber,
        [IdleOnly] = ConfigValueKind.Boolean,
    }.Concat(DeviceOnly).ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>Keys whose values are never printed.</summary>
    public static bool IsSecret(string key) => key == WifiPassword || key == MqttPassword || key == DuinoMiningKey;

    /// <summary>True when <paramref name="present"/> has a key of the <c>duino</c> section: the board mines from a Duino pool.</summary>
    public static bool IsDuinoMode(IEnumerable<string> present) => present.Any(key => Section(key) == "duino");

    /// <summary>The sections (JSON objects) of the file.</summary>
    public static IEnumerable<string> Sections => All.Keys.Where(k => k.Contains('.')).Select(Section).Distinct();

    /// <summary>The keys allowed under a section, or at the top level for an empty section.</summary>
    public static IEnumerable<string> KeysIn(string section) =>
        All.Keys.Where(k => Section(k) == section).Select(k => k[(k.IndexOf('.') + 1)..]);

    /// <summary>The section of a key, empty for top-level keys.</summary>
    public static string Section(string key) => key.Contains('.') ? key[..key.IndexOf('.')] : string.Empty;
}
