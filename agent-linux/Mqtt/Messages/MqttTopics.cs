using System;
using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// The topics of one device: <c>iotminer/&lt;device_id&gt;/…</c>, built by the device contract (<see cref="DeviceTopic"/>,
/// shared with the gateway and the ESP32 firmware), plus its Home Assistant discovery topics.
/// </summary>
public sealed class MqttTopics
{
    /// <summary>Creates the topics of <paramref name="deviceId"/> (validated by <see cref="DeviceId"/>).</summary>
    public MqttTopics(string deviceId, string discoveryPrefix = MqttContract.DefaultDiscoveryPrefix)
    {
        DeviceId.Validate(deviceId, "deviceId");
        if (string.IsNullOrWhiteSpace(discoveryPrefix) || discoveryPrefix.AsSpan().IndexOfAny("#+") >= 0)
        {
            throw new ArgumentException($"discovery prefix '{discoveryPrefix}' is not a valid MQTT topic level; use e.g. 'homeassistant'.", nameof(discoveryPrefix));
        }

        DeviceIdValue = deviceId;
        Root = DeviceTopic.Root(deviceId);
        DiscoveryPrefix = discoveryPrefix;
    }

    /// <summary>The device id the topics are built from.</summary>
    public string DeviceIdValue { get; }

    /// <summary><c>iotminer/&lt;device_id&gt;/</c>, with the trailing slash.</summary>
    public string Root { get; }

    /// <summary>Home Assistant discovery prefix (default <c>homeassistant</c>).</summary>
    public string DiscoveryPrefix { get; }

    /// <summary><c>online</c> / <c>offline</c>, retained, QoS 1; the last will publishes <c>offline</c> here.</summary>
    public string Availability => DeviceTopic.Of(DeviceIdValue, DeviceTopic.Availability);

    /// <summary>Retained status JSON, every status interval and on every state change.</summary>
    public string Status => DeviceTopic.Of(DeviceIdValue, DeviceTopic.Status);

    /// <summary>One QoS 1 message per share found.</summary>
    public string Share => DeviceTopic.Of(DeviceIdValue, DeviceTopic.Share);

    /// <summary>Answers to commands (ok or error).</summary>
    public string Event => DeviceTopic.Of(DeviceIdValue, DeviceTopic.Event);

    /// <summary>Prefix of command topics: <c>iotminer/&lt;device_id&gt;/cmd/</c>.</summary>
    public string CommandPrefix => DeviceTopic.CommandPrefix(DeviceIdValue);

    /// <summary>Subscription filter for every command.</summary>
    public string CommandFilter => CommandPrefix + "#";

    /// <summary>Topic of the command <paramref name="name"/>.</summary>
    public string Command(string name) => CommandPrefix + name;

    /// <summary>Home Assistant's birth/will topic: discovery is re-sent when it turns <c>online</c>.</summary>
    public string HomeAssistantStatus => DiscoveryPrefix + "/status";

    /// <summary>Device-based discovery topic <c>homeassistant/device/&lt;device_id&gt;/config</c>.</summary>
    public string HomeAssistantDiscovery => $"{DiscoveryPrefix}/device/{DeviceIdValue}/config";

    /// <summary>Returns the command name of a topic under <see cref="CommandPrefix"/>, or null for any other topic.</summary>
    public string? CommandNameOf(string topic) =>
        topic.StartsWith(CommandPrefix, StringComparison.Ordinal) ? topic[CommandPrefix.Length..] : null;
}
