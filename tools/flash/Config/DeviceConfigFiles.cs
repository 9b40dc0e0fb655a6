using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotMinerAgent.Flash.Config;

/// <summary>A file to place on the board's internal storage, with the local copy nanoff reads it from.</summary>
/// <param name="DevicePath">Path on the board (nanoFramework's internal littlefs is drive <c>I:</c>).</param>
/// <param name="FileName">Name of the local copy in the output directory.</param>
/// <param name="Content">The bytes.</param>
public sealed record DeviceFile(string DevicePath, string FileName, byte[] Content);

/// <summary>
/// Renders the configuration as the files the firmware reads at boot: <c>I:\iotminer.json</c> and, when a CA is set,
/// <c>I:\iotminer-ca.pem</c> (kept out of the JSON so the board's parser handles a small document; the JSON names it).
/// </summary>
public static class DeviceConfigFiles
{
    /// <summary>Where the firmware reads its configuration.</summary>
    public const string ConfigDevicePath = @"I:\iotminer.json";

    /// <summary>Where the firmware reads the broker's CA certificate.</summary>
    public const string CaDevicePath = @"I:\iotminer-ca.pem";

    /// <summary>Version of the file format, so the firmware can refuse a file it does not understand.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,

        // Write non-ASCII SSIDs as UTF-8, not \u escapes, so the board's small JSON parser sees plain text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The files for <paramref name="config"/>, the configuration first.</summary>
    public static IReadOnlyList<DeviceFile> Render(DeviceConfig config)
    {
        List<DeviceFile> files = new() { new DeviceFile(ConfigDevicePath, "iotminer.json", Encoding.UTF8.GetBytes(RenderJson(config) + "\n")) };
        if (config.Mqtt.CaFile is not null)
        {
            files.Add(new DeviceFile(CaDevicePath, "iotminer-ca.pem", File.ReadAllBytes(config.Mqtt.CaFile)));
        }

        return files;
    }

    /// <summary>The JSON text of <c>I:\iotminer.json</c>.</summary>
    public static string RenderJson(DeviceConfig config)
    {
        JsonObject mqtt = new()
        {
            ["host"] = config.Mqtt.Host,
            ["port"] = config.Mqtt.Port,
            ["tls"] = config.Mqtt.Tls,
        };
        AddIfSet(mqtt, "caFile", config.Mqtt.CaFile is null ? null : CaDevicePath);
        AddIfSet(mqtt, "username", config.Mqtt.Username);
        AddIfSet(mqtt, "password", config.Mqtt.Password);

        JsonObject root = new()
        {
            ["version"] = FormatVersion,
            ["deviceId"] = config.DeviceId,
            ["consent"] = config.Consent,
            ["wifi"] = new JsonObject { ["ssid"] = config.Wifi.Ssid, ["password"] = config.Wifi.Password },
        };
        if (config.Mqtt.Host.Length > 0)
        {
            // Without a host the board is a Duino miner without a broker (the validator allows that only then).
            root["mqtt"] = mqtt;
        }

        root["policy"] = new JsonObject
        {
            ["targetTemperatureC"] = config.Policy.TargetTemperatureC,
            ["hardLimitC"] = config.Policy.HardLimitC,
            ["maxDutyPercent"] = config.Policy.MaxDutyPercent,
            ["idleOnly"] = config.Policy.IdleOnly,
        };

        foreach ((string key, JsonNode? value) in config.DeviceKeys)
        {
            string name = ConfigKeys.Section(key);
            if (root[name] is not JsonObject section)
            {
                section = new JsonObject();
                root[name] = section;
            }

            section[key[(key.IndexOf('.') + 1)..]] = value?.DeepClone();
        }

        return root.ToJsonString(Output);
    }

    private static void AddIfSet(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[name] = value;
        }
    }
}
