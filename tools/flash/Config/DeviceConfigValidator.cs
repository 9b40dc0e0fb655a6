using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Flash.Config;

/// <summary>
/// Checks a device configuration before anything touches the board. Each problem names the key, the value (never a
/// secret) and what is allowed.
/// </summary>
public static partial class DeviceConfigValidator
{
    /// <summary>What a PEM certificate file must contain (RFC 7468, section 5).</summary>
    public const string PemCertificateLabel = "-----BEGIN CERTIFICATE-----";

    /// <summary>Every problem with <paramref name="config"/>; <paramref name="present"/> lists the keys that were given.</summary>
    public static IEnumerable<string> Validate(DeviceConfig config, IReadOnlyCollection<string> present)
    {
        List<string> problems = new();
        CheckDeviceId(config.DeviceId, present, problems);
        CheckWifi(config.Wifi, present, problems);
        // A Duino board mines without a broker: the mqtt section is then optional, but complete when any of it is given.
        bool brokerOptional = ConfigKeys.IsDuinoMode(present) && !present.Any(key => ConfigKeys.Section(key) == "mqtt");
        if (!brokerOptional)
        {
            CheckMqtt(config.Mqtt, present, problems);
        }

        // The firmware's reader checks the rest (policy, sensor, mining, keep-alive): its rules and messages, not a copy.
        problems.AddRange(FirmwareReaderCheck.DeviceKeyProblems(config));
        if (problems.Count == 0)
        {
            problems.AddRange(FirmwareReaderCheck.FileProblems(config));
        }

        return problems;
    }

    // Home Assistant MQTT discovery object ids and our topics allow [a-zA-Z0-9_-]; 64 keeps topics short.
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexPsk();

    private static void CheckDeviceId(string id, IReadOnlyCollection<string> present, List<string> problems)
    {
        if (!present.Contains(ConfigKeys.DeviceId))
        {
            problems.Add($"{ConfigKeys.DeviceId} is missing: set it, e.g. --set deviceId=esp32-garage (1 to 64 characters from a-z, A-Z, 0-9, _ and -).");
        }
        else if (!DeviceIdPattern().IsMatch(id))
        {
            problems.Add($"{ConfigKeys.DeviceId} = \"{id}\" is not allowed: use 1 to 64 characters from a-z, A-Z, 0-9, _ and - (it becomes part of MQTT topics).");
        }
    }

    private static void CheckWifi(WifiSettings wifi, IReadOnlyCollection<string> present, List<string> problems)
    {
        int ssidBytes = Encoding.UTF8.GetByteCount(wifi.Ssid);
        if (!present.Contains(ConfigKeys.WifiSsid))
        {
            problems.Add($"{ConfigKeys.WifiSsid} is missing: set the name of the Wi-Fi network the board joins.");
        }
        else if (ssidBytes < 1 || ssidBytes > 32)
        {
            // IEEE 802.11: the SSID element carries 0 to 32 octets; an empty one cannot be joined.
            problems.Add($"{ConfigKeys.WifiSsid} = \"{wifi.Ssid}\" is {ssidBytes} bytes long: a network name has 1 to 32 bytes.");
        }

        if (!present.Contains(ConfigKeys.WifiPassword))
        {
            problems.Add($"{ConfigKeys.WifiPassword} is missing: set the WPA2 passphrase, or \"\" for an open network.");
        }
        else if (!IsWpaPassphrase(wifi.Password))
        {
            problems.Add($"{ConfigKeys.WifiPassword} ({wifi.Password.Length} characters, not shown) is not a WPA2 passphrase: " +
                "use 8 to 63 printable ASCII characters or 64 hex digits (IEEE 802.11i), or \"\" for an open network.");
        }
    }

    private static bool IsWpaPassphrase(string password) =>
        password.Length == 0
        || (password.Length >= 8 && password.Length <= 63 && password.All(c => c >= 0x20 && c <= 0x7E))
        || HexPsk().IsMatch(password);

    private static void CheckMqtt(MqttSettings mqtt, IReadOnlyCollection<string> present, List<string> problems)
    {
        if (!present.Contains(ConfigKeys.MqttHost))
        {
            problems.Add($"{ConfigKeys.MqttHost} is missing: set the broker's host name or IP address " +
                $"(a Duino board, one with {ConfigKeys.DuinoUsername}, may leave out every mqtt key and mine without a broker).");
        }
        else if (Uri.CheckHostName(mqtt.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"{ConfigKeys.MqttHost} = \"{mqtt.Host}\" is not a host name or IP address.");
        }

        if (mqtt.Port < 1 || mqtt.Port > 65535)
        {
            problems.Add($"{ConfigKeys.MqttPort} = {mqtt.Port} is out of range: allowed 1 to 65535 (8883 for TLS, 1883 without).");
        }

        if (mqtt.CaFile is not null)
        {
            CheckCaFile(mqtt, problems);
        }

        if (!string.IsNullOrEmpty(mqtt.Password) && string.IsNullOrEmpty(mqtt.Username))
        {
            problems.Add($"{ConfigKeys.MqttPassword} is set but {ConfigKeys.MqttUsername} is empty: " +
                "MQTT 3.1.1 (section 3.1.2.9) allows a password only with a user name; set both or neither.");
        }
    }

    private static void CheckCaFile(MqttSettings mqtt, List<string> problems)
    {
        if (!mqtt.Tls)
        {
            problems.Add($"{ConfigKeys.MqttCaFile} is set but {ConfigKeys.MqttTls} = false: a CA certificate is only used with TLS; " +
                $"set {ConfigKeys.MqttTls} to true or remove {ConfigKeys.MqttCaFile}.");
        }
        else if (!File.Exists(mqtt.CaFile))
        {
            problems.Add($"{ConfigKeys.MqttCaFile} = \"{mqtt.CaFile}\" was not found (a relative path is relative to the config file).");
        }
        else if (!File.ReadAllText(mqtt.CaFile!).Contains(PemCertificateLabel, StringComparison.Ordinal))
        {
            problems.Add($"{ConfigKeys.MqttCaFile} = \"{mqtt.CaFile}\" holds no PEM certificate ({PemCertificateLabel}); " +
                "convert a DER file with: openssl x509 -inform der -in ca.der -out ca.pem.");
        }
    }

}
