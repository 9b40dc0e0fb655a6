using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Hardware;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>
/// The firmware's MQTT link on MQTTnet, behaving like M2Mqtt on the board: blocking calls that return false on
/// failure, MQTT 5, clean session, QoS 1, last will retained. Without Wi-Fi every call fails; a Wi-Fi drop cuts the
/// connection with the will published, as a vanished radio would after the keep-alive.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IDisposable
{
    static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    readonly string _host;
    readonly int _port;
    readonly VirtualWifi _wifi;
    IMqttMessageSink? _sink;

    /// <summary>A link to <paramref name="host"/>:<paramref name="port"/> over <paramref name="wifi"/>.</summary>
    public MqttNetLink(string host, int port, VirtualWifi wifi)
    {
        _host = host;
        _port = port;
        _wifi = wifi;
        _wifi.Dropped += CutConnection;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _sink?.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain);
            return Task.CompletedTask;
        };
    }

    /// <inheritdoc />
    public bool IsConnected => _wifi.IsConnected && _client.IsConnected;

    /// <inheritdoc />
    public bool Connect(string clientId, string willTopic, byte[] willPayload, int keepAliveSeconds)
    {
        if (!_wifi.IsConnected)
        {
            return false;
        }

        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
            .WithTimeout(CallTimeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        return Run(async token =>
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), token);
            }

            return (await _client.ConnectAsync(options, token)).ResultCode == MqttClientConnectResultCode.Success;
        });
    }

    /// <inheritdoc />
    public bool Subscribe(string[] topics)
    {
        if (!IsConnected)
        {
            return false;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (string topic in topics)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        MqttClientSubscribeOptions options = builder.Build();
        return Run(async token =>
        {
            MqttClientSubscribeResult result = await _client.SubscribeAsync(options, token);
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if ((int)item.ResultCode > 2)
                {
                    return false;
                }
            }

            return true;
        });
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (!IsConnected)
        {
            return false;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return Run(async token =>
        {
            MqttClientPublishResult result = await _client.PublishAsync(message, token);
            return result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;
        });
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        Run(async token =>
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), token);
            return true;
        });
    }

    /// <inheritdoc />
    public void SetReceiver(IMqttMessageSink sink) => _sink = sink;

    /// <inheritdoc />
    public void Dispose()
    {
        _wifi.Dropped -= CutConnection;
        _client.Dispose();
    }

    void CutConnection()
    {
        // MQTT 5 §3.14.2.1 reason 0x04: disconnect with the will published, the broker's view of a lost device.
        Run(async token =>
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build(), token);
            return true;
        });
    }

    static bool Run(Func<CancellationToken, Task<bool>> call)
    {
        using var timeout = new CancellationTokenSource(CallTimeout);
        try
        {
            return Task.Run(() => call(timeout.Token)).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // The link's contract: any failure (refused, timed out, cut) is false, and the firmware retries.
            return false;
        }
    }
}
