using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Config;

/// <summary>
/// Reads the device configuration from the JSON file the user gives (<c>--config</c>) and <c>--set key=value</c>
/// overrides, then validates it. Every problem is collected and reported at once (exit 78), each naming its key.
/// </summary>
public static class DeviceConfigReader
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads, merges and validates; throws <see cref="ConfigException"/> listing every problem.</summary>
    /// <param name="configFile">The JSON file, or null to use overrides only.</param>
    /// <param name="overrides"><c>key=value</c> pairs; later ones win.</param>
    /// <param name="workingDirectory">Base of relative paths given in overrides.</param>
    /// <param name="ownerConsent">The owner passed <c>--consent</c>: the only way to write <c>"consent": true</c>.</param>
    public static DeviceConfig Read(string? configFile, IReadOnlyList<string> overrides, string workingDirectory, bool ownerConsent = false)
    {
        List<string> problems = new();
        Dictionary<string, JsonNode?> values = configFile is null ? new() : ReadFile(configFile, problems);
        if (configFile is not null && values.TryGetValue(ConfigKeys.MqttCaFile, out JsonNode? ca) && ca is JsonValue caValue
            && caValue.TryGetValue(out string? caPath))
        {
            values[ConfigKeys.MqttCaFile] = Path.GetFullPath(caPath, Path.GetDirectoryName(Path.GetFullPath(configFile))!);
        }

        foreach (string setting in overrides)
        {
            ApplyOverride(setting, values, workingDirectory, problems);
        }

        ConfigValues typed = new(values, problems);
        DeviceConfig config = ToConfig(typed, DeviceKeys(values), Consent(typed, ownerConsent, problems));
        problems.AddRange(DeviceConfigValidator.Validate(config, typed.Present));
        if (problems.Count > 0)
        {
            throw new ConfigException(problems);
        }

        return config;
    }

    // Consent is the owner's decision, so a file copied from elsewhere cannot give it: "consent": true needs --consent.
    private static bool Consent(ConfigValues v, bool ownerConsent, List<string> problems)
    {
        if (v.Boolean(ConfigKeys.Consent) == true && !ownerConsent)
        {
            problems.Add($"{ConfigKeys.Consent} = true needs the owner's explicit --consent on the command line (the board mines only with it): " +
                $"add --consent, or set {ConfigKeys.Consent} to false to flash a board that stays paused.");
        }

        return ownerConsent;
    }

    // Passed on as given, a JSON null too: the firmware's reader judges every one of them.
    private static Dictionary<string, JsonNode?> DeviceKeys(Dictionary<string, JsonNode?> values) =>
        values.Where(pair => ConfigKeys.DeviceOnly.ContainsKey(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value?.DeepClone());

    private static DeviceConfig ToConfig(ConfigValues v, Dictionary<string, JsonNode?> deviceKeys, bool consent)
    {
        bool tls = v.Boolean(ConfigKeys.MqttTls) ?? true;

        // IANA service names: 8883 is "secure-mqtt" (MQTT over TLS), 1883 is "mqtt".
        int port = v.WholeNumber(ConfigKeys.MqttPort) ?? (tls ? 8883 : 1883);
        return new DeviceConfig(
            v.Text(ConfigKeys.DeviceId) ?? string.Empty,
            new WifiSettings(v.Text(ConfigKeys.WifiSsid) ?? string.Empty, v.Text(ConfigKeys.WifiPassword) ?? string.Empty),
            new MqttSettings(v.Text(ConfigKeys.MqttHost) ?? string.Empty, port, tls, v.Text(ConfigKeys.MqttCaFile),
                v.Text(ConfigKeys.MqttUsername), v.Text(ConfigKeys.MqttPassword)),
            new PolicySettings(
                v.Number(ConfigKeys.TargetTemperature) ?? PolicyDefaults.TargetTemperatureC,
                v.Number(ConfigKeys.HardLimit) ?? PolicyDefaults.HardLimitC,
                v.WholeNumber(ConfigKeys.MaxDuty) ?? PolicyDefaults.MaxDutyPercent,
                v.Boolean(ConfigKeys.IdleOnly) ?? PolicyDefaults.IdleOnly),
            consent,
            deviceKeys);
    }

    private static Dictionary<string, JsonNode?> ReadFile(string path, List<string> problems)
    {
        Dictionary<string, JsonNode?> values = new();
        // A file that cannot be read ends the checks: every key would otherwise be reported missing as well.
        if (!File.Exists(path))
        {
            throw new ConfigException($"--config {path}: the file was not found.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: Lenient);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"--config {path}: not valid JSON: {e.Message}");
        }

        if (root is not JsonObject rootObject)
        {
            throw new ConfigException($"--config {path}: the file must hold a JSON object {{ \"deviceId\": ..., \"wifi\": {{...}}, \"mqtt\": {{...}}, \"policy\": {{...}} }}.");
        }

        Flatten(rootObject, string.Empty, values, problems);
        return values;
    }

    private static void Flatten(JsonObject node, string section, Dictionary<string, JsonNode?> values, List<string> problems)
    {
        foreach (KeyValuePair<string, JsonNode?> property in node)
        {
            string key = section.Length == 0 ? property.Key : section + "." + property.Key;
            if (section.Length == 0 && ConfigKeys.Sections.Contains(property.Key))
            {
                if (property.Value is JsonObject child)
                {
                    Flatten(child, property.Key, values, problems);
                }
                else
                {
                    problems.Add($"{key} must be a JSON object with the keys {string.Join(", ", ConfigKeys.KeysIn(property.Key))}.");
                }
            }
            else if (ConfigKeys.All.ContainsKey(key))
            {
                values[key] = property.Value?.DeepClone();
            }
            else
            {
                problems.Add(UnknownKey(key));
            }
        }
    }

    private static void ApplyOverride(string setting, Dictionary<string, JsonNode?> values, string workingDirectory, List<string> problems)
    {
        int equals = setting.IndexOf('=');
        if (equals <= 0)
        {
            problems.Add($"--set {setting}: write it as key=value, e.g. --set wifi.ssid=HomeNetwork.");
            return;
        }

        string key = setting[..equals];
        string text = setting[(equals + 1)..];
        if (!ConfigKeys.All.TryGetValue(key, out ConfigValueKind kind))
        {
            problems.Add(UnknownKey(key));
            return;
        }

        JsonNode? value = ParseOverride(key, text, kind, problems);
        if (value is not null)
        {
            values[key] = key == ConfigKeys.MqttCaFile ? Path.GetFullPath(text, workingDirectory) : value;
        }
    }

    private static JsonNode? ParseOverride(string key, string text, ConfigValueKind kind, List<string> problems)
    {
        switch (kind)
        {
            case ConfigValueKind.Boolean when bool.TryParse(text, out bool flag):
                return JsonValue.Create(flag);
            case ConfigValueKind.WholeNumber when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole):
                return JsonValue.Create(whole);
            case ConfigValueKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number):
                return JsonValue.Create(number);
            case ConfigValueKind.Text:
                return JsonValue.Create(text);
            case ConfigValueKind.TextList:
                return new JsonArray(text.Split(',', StringSplitOptions.TrimEntries).Select(item => (JsonNode?)JsonValue.Create(item)).ToArray());
            default:
                problems.Add(ConfigValues.WrongKind(key, ConfigKeys.IsSecret(key) ? null : text, kind));
                return null;
        }
    }

    private static string UnknownKey(string key)
    {
        string section = ConfigKeys.Section(key);
        IEnumerable<string> allowed = section.Length == 0
            ? ConfigKeys.KeysIn(string.Empty).Concat(ConfigKeys.Sections)
            : ConfigKeys.KeysIn(section);
        string where = section.Length == 0 || !ConfigKeys.Sections.Contains(section) ? "at the top level" : "in " + section;
        return $"unknown key {key}: allowed keys {where} are {string.Join(", ", allowed)}.";
    }
}
