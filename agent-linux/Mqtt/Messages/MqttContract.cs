using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// Fixed words of the MQTT contract (docs/mqtt.md). Every JSON payload carries <see cref="Version"/> in its
/// <c>v</c> field so subscribers can tell an incompatible change from an added field.
/// </summary>
public static class MqttContract
{
    /// <summary>Contract version: bumped only when a field changes meaning or disappears (added fields keep it).</summary>
    public const int Version = 1;

    /// <summary>Payload of <c>availability</c> while the agent is connected.</summary>
    public const string Online = DeviceTopic.Online;

    /// <summary>Payload of <c>availability</c> after a clean stop, and of the last will.</summary>
    public const string Offline = DeviceTopic.Offline;

    /// <summary>Default Home Assistant discovery prefix.</summary>
    public const string DefaultDiscoveryPrefix = "homeassistant";
}
