

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>Which MQTT version the client speaks (<c>mqtt:protocol</c>).</summary>
public enum MqttProtocolChoice
{
    /// <summary>MQTT 5, falling back to 3.1.1 when the broker refuses 5.</summary>
    Auto,

    /// <summary>MQTT 5 only.</summary>
    V5,

    /// <summary>MQTT 3.1.1 only.</summary>
    V311,
}
