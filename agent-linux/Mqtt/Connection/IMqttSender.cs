using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Protocol;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>Publishing side of a broker connection, as the publishers see it (a fake in unit tests).</summary>
public interface IMqttSender
{
    /// <summary>True while connected to the broker.</summary>
    bool IsConnected { get; }

    /// <summary>Completes when the connection is (or becomes) established.</summary>
    Task WaitConnectedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes one message. For QoS 1 it completes when the broker acknowledged it (PUBACK);
    /// throws when the connection is down or breaks before the acknowledgement.
    /// </summary>
    Task<PublishOutcome> PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain, CancellationToken cancellationToken);
}

/// <summary>The broker's answer to a publish.</summary>
/// <param name="Accepted">True when the broker took the message (PUBACK success or "no matching subscribers").</param>
/// <param name="Problem">The broker's reason when it did not take the message.</param>
/// <param name="NoSubscribers">True when the broker took it but no subscription matched (MQTT 5 PUBACK 0x10, §3.4.2.1).</param>
public sealed record PublishOutcome(bool Accepted, string? Problem, bool NoSubscribers = false)
{
    /// <summary>The broker took the message.</summary>
    public static readonly PublishOutcome Ok = new(true, null);

    /// <summary>The broker took the message, and nobody was subscribed to it.</summary>
    public static readonly PublishOutcome Unheard = new(true, null, NoSubscribers: true);
}
