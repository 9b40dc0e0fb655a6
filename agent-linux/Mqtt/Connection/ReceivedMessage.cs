

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>A message received on a subscribed topic.</summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">Its bytes.</param>
/// <param name="Retained">True when the broker delivered it from its retained store.</param>
public sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retained);
