using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Firmware.Tests.Peers;

/// <summary>A message seen on the broker.</summary>
public sealed record Seen(string Topic, string Payload, bool Retain)
{
    /// <summary>The payload as JSON (a method, so assertion messages do not parse plain-text payloads).</summary>
    public JsonElement Json() => JsonDocument.Parse(Payload).RootElement.Clone();
}

/// <summary>A subscriber that records what devices publish (a Home Assistant or an owner with mosquitto_sub) and sends owner commands.</summary>
public sealed class MqttRecorder : IAsyncDisposable
{
    readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    readonly List<Seen> _seen = [];

    MqttRecorder()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            lock (_seen)
            {
                _seen.Add(new Seen(e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()), e.ApplicationMessage.Retain));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Connects and subscribes to <c>iotminer/#</c>.</summary>
    public static async Task<MqttRecorder> StartAsync(int port)
    {
        var recorder = new MqttRecorder();
        await recorder._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("recorder-" + Guid.NewGuid().ToString("N")[..8]).Build());
        await recorder._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("iotminer/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        return recorder;
    }

    /// <summary>Everything seen on <paramref name="topic"/>.</summary>
    public IReadOnlyList<Seen> On(string topic)
    {
        lock (_seen)
        {
            return [.. _seen.Where(s => s.Topic == topic)];
        }
    }

    /// <summary>Publishes an owner command (QoS 1, not retained unless asked).</summary>
    public Task CommandAsync(string deviceId, string name, string payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"iotminer/{deviceId}/cmd/{name}").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    /// <summary>Publishes <paramref name="payload"/> on any topic (QoS 1), as Home Assistant publishes a sensor's state.</summary>
    public Task PublishAsync(string topic, string payload, bool retain) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
