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

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>A message the test subscriber received.</summary>
public sealed record Received(string Topic, string Payload, bool Retain, MqttQualityOfServiceLevel Qos)
{
    /// <summary>The payload parsed as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Payload).RootElement.Clone();
}

/// <summary>
/// An independent MQTT client playing the subscriber (Home Assistant, mosquitto_sub, a share collector):
/// records every message; can keep a persistent session and reconnect by itself across broker restarts.
/// </summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    readonly List<Received> _messages = [];
    readonly MqttClientOptions _options;
    readonly string[] _filters;
    readonly CancellationTokenSource _stop = new();
    Task? _reconnecting;

    TestSubscriber(MqttClientOptions options, string[] filters)
    {
        _options = options;
        _filters = filters;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            lock (_messages)
            {
                _messages.Add(new Received(e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()),
                    e.ApplicationMessage.Retain, e.ApplicationMessage.QualityOfServiceLevel));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and subscribes to <paramref name="filters"/> at QoS 1.</summary>
    public static async Task<TestSubscriber> ConnectAsync(int port, string[] filters, bool persistentReconnecting = false, string? clientId = null)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? "test-sub-" + Guid.NewGuid().ToString("N")[..8])
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (persistentReconnecting)
        {
            // MQTT 5 §3.1.2.11.2: a session that outlives the connection keeps QoS 1 messages for the subscriber.
            builder = builder.WithCleanStart(false).WithSessionExpiryInterval(600);
        }

        var subscriber = new TestSubscriber(builder.Build(), filters);
        await subscriber.ConnectOnceAsync(CancellationToken.None);
        if (persistentReconnecting)
        {
            subscriber._reconnecting = subscriber.KeepConnectedAsync();
        }

        return subscriber;
    }

    /// <summary>Number of messages so far (a mark for <see cref="WaitForAsync"/>).</summary>
    public int Count
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>A copy of every message received.</summary>
    public IReadOnlyList<Received> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits for a message (received after <paramref name="since"/>) matching <paramref name="match"/>.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, string what, int since = 0, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            Received? found = Messages.Skip(since).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {what} within {seconds} s; received:\n" + string.Join("\n", Messages.TakeLast(20).Select(m => $"{m.Topic} {m.Payload}")));
    }

    /// <summary>Publishes <paramref name="payload"/> to <paramref name="topic"/> at QoS 1.</summary>
    public Task PublishAsync(string topic, string payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reconnecting is not null)
        {
            await _reconnecting;
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        MqttClientConnectResult result = await _client.ConnectAsync(_options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"test subscriber refused: {result.ResultCode}");
        }

        if (!result.IsSessionPresent)
        {
            MqttClientSubscribeOptionsBuilder subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (string filter in _filters)
            {
                subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        }
    }

    async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectOnceAsync(_stop.Token);
                }

                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // The broker is down: try again shortly, like any reconnecting subscriber.
                await Task.Delay(100);
            }
        }
    }
}
