using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Firmware.Tests.Peers;

/// <summary>A share the gateway received, and what it found when it hashed the header again.</summary>
public sealed record ReceivedShare(string DeviceId, uint JobId, uint Nonce, DeviceVerdictCode Verdict, bool HintMatched);

/// <summary>
/// A stand-in for the fleet gateway that speaks docs/mqtt.md "Device work (binary)" byte for byte: answers each
/// work_request with a sha256d job of a random header, keeps the header, rebuilds and hashes every share itself
/// (never trusting the device), and publishes the verdict. Until the real gateway (branch fleet/gwhost) lands, the
/// firmware is tested against this; the virtual devices can be pointed at the real one the same way.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    readonly MqttClientOptions _options;
    readonly CancellationTokenSource _stop = new();
    readonly ConcurrentDictionary<(string Device, uint Job), HeaderWork> _jobs = new();
    readonly ConcurrentDictionary<(string Device, uint Job, uint Nonce), bool> _seen = new();
    readonly ConcurrentQueue<ReceivedShare> _shares = new();
    readonly ConcurrentQueue<string> _problems = new();
    readonly ConcurrentQueue<string> _requests = new();
    int _nextJob;
    Task? _keepConnected;

    TestGateway(int port, ulong nonceCount, Target shareTarget)
    {
        NonceCount = nonceCount;
        ShareTarget = shareTarget;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-gateway")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            // A persistent session (MQTT 5 §3.1.2.11.2), so shares published while the gateway reconnects wait for it.
            .WithCleanStart(false)
            .WithSessionExpiryInterval(600)
            .WithTimeout(TimeSpan.FromSeconds(3))
            .Build();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Nonces per job.</summary>
    public ulong NonceCount { get; }

    /// <summary>The share target of every job.</summary>
    public Target ShareTarget { get; }

    /// <summary>Lifetime written into jobs, seconds.</summary>
    public uint LifetimeSeconds { get; init; } = 120;

    /// <summary>Every share received, in order.</summary>
    public IReadOnlyList<ReceivedShare> Shares => [.. _shares];

    /// <summary>Every work request payload received ("device: json").</summary>
    public IReadOnlyList<string> WorkRequests => [.. _requests];

    /// <summary>Protocol violations seen (must stay empty).</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>
    /// Connects to mosquitto on 127.0.0.1:<paramref name="port"/>. The default target (top word 0x03FFFFFF) makes
    /// about one hash in 64 a share, so a device at interpreter-like speed finds several per second.
    /// </summary>
    public static async Task<TestGateway> StartAsync(int port, ulong nonceCount = 4096, uint targetTopWord = 0x03FFFFFF, uint lifetimeSeconds = 120)
    {
        uint[] words = [.. Enumerable.Repeat(0xFFFFFFFFu, 7), targetTopWord];
        var gateway = new TestGateway(port, nonceCount, new Target(words)) { LifetimeSeconds = lifetimeSeconds };
        await gateway.ConnectAsync();
        gateway._keepConnected = gateway.KeepConnectedAsync();
        return gateway;
    }

    /// <summary>Distinct (job, nonce) shares received from <paramref name="deviceId"/>.</summary>
    public HashSet<(uint, uint)> DistinctShares(string deviceId) =>
        [.. Shares.Where(s => s.DeviceId == deviceId).Select(s => (s.JobId, s.Nonce))];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_keepConnected is not null)
        {
            await _keepConnected;
        }

        _client.Dispose();
    }

    async Task ConnectAsync()
    {
        await _client.ConnectAsync(_options, _stop.Token);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("iotminer/+/work_request").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic("iotminer/+/device_share").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), _stop.Token);
    }

    async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(200, _stop.Token);
                if (!_client.IsConnected)
                {
                    await ConnectAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // Broker down (a test restarts it): try again on the next round.
            }
        }
    }

    async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        string[] levels = e.ApplicationMessage.Topic.Split('/');
        string device = levels[1];
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        if (levels[2] == "work_request")
        {
            await AnswerWorkRequestAsync(device, payload);
        }
        else
        {
            await JudgeAsync(device, payload);
        }
    }

    async Task AnswerWorkRequestAsync(string device, byte[] payload)
    {
        string json = Encoding.UTF8.GetString(payload);
        _requests.Enqueue(device + ": " + json);
        JsonElement request = JsonDocument.Parse(json).RootElement;
        if (request.GetProperty("v").GetInt32() != 1 || !request.GetProperty("algos").EnumerateArray().Any(a => a.GetString() == "sha256d") ||
            request.GetProperty("hashrate").ValueKind != JsonValueKind.Number)
        {
            _problems.Enqueue($"{device}: work request not as documented: {json}");
            return;
        }

        uint jobId = (uint)Interlocked.Increment(ref _nextJob);
        var work = new HeaderWork(Algorithms.Sha256d, RandomNumberGenerator.GetBytes(80), ShareTarget);
        _jobs[(device, jobId)] = work;
        DeviceJob job = DeviceJob.FromHeaderWork(jobId, work, 0, NonceCount, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), LifetimeSeconds);
        await PublishAsync($"iotminer/{device}/work", job.Encode());
    }

    async Task JudgeAsync(string device, byte[] payload)
    {
        DeviceShare share;
        try
        {
            share = DeviceShare.Decode(payload);
        }
        catch (DeviceMessageException exception)
        {
            _problems.Enqueue($"{device}: undecodable share: {exception.Message}");
            await PublishAsync($"iotminer/{device}/verdict", new DeviceVerdict(0, 0, DeviceVerdictCode.RejectedMalformed, "").Encode());
            return;
        }

        DeviceVerdictCode code;
        bool hintMatched = true;
        if (!_jobs.TryGetValue((device, share.JobId), out HeaderWork? work))
        {
            code = DeviceVerdictCode.RejectedUnknownJob;
        }
        else
        {
            // The gateway's own hash of the rebuilt header, independent of the device's midstate path.
            byte[] hash = Sha256d.HashHeader(work.HeaderWithNonce(share.Nonce));
            hintMatched = share.HasHint && share.LeadingZeroBits == DeviceShare.LeadingZeroBitsOf(hash);
            code = !work.Target.IsMetBy(hash) ? DeviceVerdictCode.RejectedLowDifficulty
                : _seen.TryAdd((device, share.JobId, share.Nonce), true) ? DeviceVerdictCode.Accepted
                : DeviceVerdictCode.RejectedDuplicate;
            if (code == DeviceVerdictCode.RejectedLowDifficulty || !hintMatched)
            {
                _problems.Enqueue($"{device}: share job {share.JobId} nonce {share.Nonce:x8} is {code}, hint matched: {hintMatched}");
            }
        }

        _shares.Enqueue(new ReceivedShare(device, share.JobId, share.Nonce, code, hintMatched));
        await PublishAsync($"iotminer/{device}/verdict", new DeviceVerdict(share.JobId, share.Nonce, code, code == DeviceVerdictCode.Accepted ? "" : "test gateway").Encode());
    }

    async Task PublishAsync(string topic, byte[] payload)
    {
        try
        {
            await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), _stop.Token);
        }
        catch (Exception) when (!_client.IsConnected)
        {
            // The broker went away mid-answer; the device resends unjudged shares after its reconnect.
        }
    }
}
