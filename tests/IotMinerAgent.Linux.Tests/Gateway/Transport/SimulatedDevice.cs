using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>A verdict a simulated device received, with the share→verdict latency when it sent that share.</summary>
/// <param name="Verdict">The decoded verdict.</param>
/// <param name="Latency">Time from publishing the share to receiving this verdict; null for a share it did not send as such.</param>
/// <param name="ReceivedAt">When it arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
public sealed record ReceivedVerdict(DeviceVerdict Verdict, TimeSpan? Latency, long ReceivedAt);

/// <summary>
/// A device as the gateway sees it: a real MQTT 5 client on <c>iotminer/&lt;id&gt;/…</c> that asks for work, keeps the
/// jobs it gets, hashes them with the portable core (<see cref="DeviceJob.Meets"/>, what the ESP32 firmware runs) and
/// publishes the binary shares it finds; it can also publish anything else a broken or hostile device might.
/// Used by the gateway tests and the load benchmark (bench/IotMinerAgent.GatewayLoad).
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    readonly List<DeviceJob> _jobs = [];
    readonly List<ReceivedVerdict> _verdicts = [];
    readonly Dictionary<(uint, uint), long> _sentAt = [];
    readonly object _gate = new();
    readonly SemaphoreSlim _changed = new(0);

    SimulatedDevice(string deviceId)
    {
        DeviceId = deviceId;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>The device id (topic level).</summary>
    public string DeviceId { get; }

    /// <summary>Every job received, oldest first.</summary>
    public IReadOnlyList<DeviceJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobs];
            }
        }
    }

    /// <summary>Every verdict received, oldest first.</summary>
    public IReadOnlyList<ReceivedVerdict> Verdicts
    {
        get
        {
            lock (_gate)
            {
                return [.. _verdicts];
            }
        }
    }

    /// <summary>Shares published so far.</summary>
    public int SharesSent { get; private set; }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> and subscribes to its work and verdict topics.</summary>
    public static async Task<SimulatedDevice> ConnectAsync(string host, int port, string deviceId, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(deviceId);
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("sim-" + deviceId)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        MqttClientConnectResult result = await device._client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"device {deviceId} refused by the broker: {result.ResultCode}");
        }

        await device._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic($"iotminer/{deviceId}/work").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic($"iotminer/{deviceId}/verdict").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), cancellationToken);
        return device;
    }

    /// <summary>Publishes a work request (the JSON of docs/mqtt.md).</summary>
    public Task RequestWorkAsync(string algorithm = "sha256d", double hashRate = 0) =>
        PublishAsync("work_request", Encoding.UTF8.GetBytes($"{{\"v\": 1, \"algos\": [\"{algorithm}\"], \"hashrate\": {hashRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"));

    /// <summary>Publishes a share and remembers when, for the verdict's latency.</summary>
    public Task SendShareAsync(DeviceShare share)
    {
        lock (_gate)
        {
            _sentAt[(share.JobId, share.Nonce)] = Stopwatch.GetTimestamp();
            SharesSent++;
        }

        return PublishAsync("device_share", share.Encode());
    }

    /// <summary>Publishes raw bytes on <c>iotminer/&lt;id&gt;/&lt;leaf&gt;</c> at QoS 1 (what a broken device might send).</summary>
    public Task PublishAsync(string leaf, byte[] payload) => PublishToAsync($"iotminer/{DeviceId}/{leaf}", payload);

    /// <summary>Publishes raw bytes on any topic at QoS 1 (what a broker without an ACL would let a device do).</summary>
    public async Task PublishToAsync(string topic, byte[] payload)
    {
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    /// <summary>Waits for the first job (received from <paramref name="since"/> on) that matches.</summary>
    public async Task<DeviceJob> WaitForJobAsync(int since = 0, Func<DeviceJob, bool>? match = null, double seconds = 15)
        => await WaitAsync(() => Jobs.Skip(since).FirstOrDefault(j => match?.Invoke(j) ?? true), $"a job for {DeviceId}", seconds);

    /// <summary>Waits for a verdict on job <paramref name="jobId"/> and <paramref name="nonce"/>.</summary>
    public async Task<DeviceVerdict> WaitForVerdictAsync(uint jobId, uint nonce, double seconds = 15)
        => (await WaitAsync(() => Verdicts.FirstOrDefault(v => v.Verdict.JobId == jobId && v.Verdict.Nonce == nonce), $"a verdict on job {jobId:x8} nonce {nonce:x8} for {DeviceId}", seconds)).Verdict;

    /// <summary>Waits until at least <paramref name="count"/> verdicts arrived.</summary>
    public Task WaitForVerdictCountAsync(int count, double seconds = 15)
        => WaitAsync(() => Verdicts.Count >= count ? Verdicts : null, $"{count} verdicts for {DeviceId} (has {Verdicts.Count})", seconds);

    /// <summary>
    /// Scans <paramref name="job"/> from <paramref name="start"/> for nonces that meet its share target, as the
    /// firmware would, and returns up to <paramref name="wanted"/> of them (fewer when <paramref name="budget"/> nonces
    /// are exhausted or the range ends).
    /// </summary>
    public static List<uint> FindNonces(DeviceJob job, int wanted, uint start = 0, ulong budget = 50_000_000)
    {
        var found = new List<uint>();
        ulong end = Math.Min((ulong)job.FirstNonce + job.NonceCount, (ulong)Math.Max(start, job.FirstNonce) + budget);
        for (ulong n = Math.Max(start, job.FirstNonce); n < end && found.Count < wanted; n++)
        {
            if (job.Meets((uint)n))
            {
                found.Add((uint)n);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    async Task<T> WaitAsync<T>(Func<T?> probe, string what, double seconds)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no {what} within {seconds} s");
            }

            await _changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        long now = Stopwatch.GetTimestamp();
        byte[] payload = args.ApplicationMessage.Payload.ToArray();
        lock (_gate)
        {
            if (args.ApplicationMessage.Topic.EndsWith("/work", StringComparison.Ordinal))
            {
                _jobs.Add(DeviceJob.Decode(payload));
            }
            else
            {
                DeviceVerdict verdict = DeviceVerdict.Decode(payload);
                TimeSpan? latency = _sentAt.Remove((verdict.JobId, verdict.Nonce), out long sent) ? Stopwatch.GetElapsedTime(sent, now) : null;
                _verdicts.Add(new ReceivedVerdict(verdict, latency, now));
            }
        }

        _changed.Release();
        return Task.CompletedTask;
    }
}
