using System;
using System.IO;
using System.Text.Json;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// The gateway's <c>event</c> payload (docs/mqtt.md, "Fleet gateway"): why a work request or a command was refused,
/// so the owner sees it without reading the gateway's log.
/// </summary>
public static class GatewayEventJson
{
    /// <summary>Event type of a refused work request.</summary>
    public const string WorkRequest = "work_request";

    /// <summary>Event type of a refused command.</summary>
    public const string Command = "command";

    /// <summary>Writes one event.</summary>
    /// <param name="instance">The gateway's instance number.</param>
    /// <param name="time">When it happened.</param>
    /// <param name="type"><see cref="WorkRequest"/> or <see cref="Command"/>.</param>
    /// <param name="subject">The device id (work request) or the command name.</param>
    /// <param name="error">Why it was refused.</param>
    public static byte[] Refusal(byte instance, DateTimeOffset time, string type, string subject, string error)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", MqttContract.Version);
            writer.WriteNumber("instance", instance);
            writer.WriteString("time", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("type", type);
            writer.WriteString(type == Command ? "command" : "device_id", subject);
            writer.WriteBoolean("ok", false);
            writer.WriteString("error", error);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
