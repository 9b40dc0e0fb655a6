using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace IotMinerAgent.Flash.Config;

/// <summary>What the board needs to start mining: its id, Wi-Fi, the MQTT broker, the owner's policy and consent.</summary>
/// <param name="DeviceId">The board's id in MQTT topics and Home Assistant (<c>[a-zA-Z0-9_-]</c>, 1 to 64).</param>
/// <param name="Wifi">The Wi-Fi network.</param>
/// <param name="Mqtt">The broker.</param>
/// <param name="Policy">Temperatures, duty and idle-only mode.</param>
/// <param name="Consent">The owner's consent to mine (only with <c>--consent</c>); without it the board never hashes.</param>
/// <param name="DeviceKeys">The given keys of <see cref="ConfigKeys.DeviceOnly"/> (dotted), passed to the board as they are.</param>
public sealed record DeviceConfig(
    string DeviceId, WifiSettings Wifi, MqttSettings Mqtt, PolicySettings Policy, bool Consent, IReadOnlyDictionary<string, JsonNode?> DeviceKeys);

/// <summary>The Wi-Fi network the board joins.</summary>
/// <param name="Ssid">Network name (1 to 32 bytes).</param>
/// <param name="Password">WPA2 passphrase, or empty for an open network.</param>
public sealed record WifiSettings(string Ssid, string Password);

/// <summary>The MQTT broker.</summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Tls">Whether to use TLS.</param>
/// <param name="CaFile">Local path of the PEM CA certificate to install on the board, if any.</param>
/// <param name="Username">MQTT user name, if any.</param>
/// <param name="Password">MQTT password, if any.</param>
public sealed record MqttSettings(string Host, int Port, bool Tls, string? CaFile, string? Username, string? Password);

/// <summary>The owner's limits for the governor on the board.</summary>
/// <param name="TargetTemperatureC">Temperature the governor holds, °C.</param>
/// <param name="HardLimitC">Mining pauses at or above this, °C.</param>
/// <param name="MaxDutyPercent">Highest share of the time spent hashing, %.</param>
/// <param name="IdleOnly">Mine only while the board has nothing else to do.</param>
public sealed record PolicySettings(double TargetTemperatureC, double HardLimitC, int MaxDutyPercent, bool IdleOnly);
