using System;
using System.Collections.Concurrent;
using System.Threading;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>What the gateway's MQTT side has done since it started: for status, logs and tests. Thread-safe.</summary>
public sealed class GatewayCounters
{
    readonly long[] _verdicts = new long[(int)DeviceVerdictCode.AcceptedPending + 1];
    readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);
    readonly TimeProvider _time;
    long _sharesReceived;
    long _forwarded;
    long _workRequests;
    long _refusedRequests;
    long _jobsPublished;
    long _publishFailures;
    long _sharesLost;

    /// <summary>Creates counters that date device activity with <paramref name="time"/>.</summary>
    public GatewayCounters(TimeProvider time) => _time = time;

    /// <summary>Share messages received from devices or other gateways.</summary>
    public long SharesReceived => Interlocked.Read(ref _sharesReceived);

    /// <summary>Shares passed on to the gateway that issued their job.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Work requests received (valid or not).</summary>
    public long WorkRequests => Interlocked.Read(ref _workRequests);

    /// <summary>Work requests refused (bad JSON, an algorithm upstream does not mine).</summary>
    public long RefusedRequests => Interlocked.Read(ref _refusedRequests);

    /// <summary>Jobs published to devices.</summary>
    public long JobsPublished => Interlocked.Read(ref _jobsPublished);

    /// <summary>Jobs or verdicts the broker did not take (connection down).</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Shares never answered: over their device's queue while the overflow queue was full too.</summary>
    public long SharesLost => Interlocked.Read(ref _sharesLost);

    /// <summary>Verdicts sent with <paramref name="code"/>.</summary>
    public long Verdicts(DeviceVerdictCode code) => Interlocked.Read(ref _verdicts[(int)code]);

    /// <summary>Every verdict sent, all codes.</summary>
    public long VerdictsTotal
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _verdicts.Length; i++)
            {
                total += Interlocked.Read(ref _verdicts[i]);
            }

            return total;
        }
    }

    /// <summary>Devices heard from within <paramref name="window"/>.</summary>
    public int ActiveDevices(TimeSpan window)
    {
        long since = _time.GetTimestamp() - (long)(window.TotalSeconds * _time.TimestampFrequency);
        int count = 0;
        foreach (var (device, seen) in _lastSeen)
        {
            if (seen >= since)
            {
                count++;
            }
            else
            {
                _lastSeen.TryRemove(device, out _);
            }
        }

        return count;
    }

    internal void Seen(string deviceId) => _lastSeen[deviceId] = _time.GetTimestamp();

    internal void ShareReceived() => Interlocked.Increment(ref _sharesReceived);

    internal void ShareForwarded() => Interlocked.Increment(ref _forwarded);

    internal void WorkRequested() => Interlocked.Increment(ref _workRequests);

    internal void RequestRefused() => Interlocked.Increment(ref _refusedRequests);

    internal void JobPublished() => Interlocked.Increment(ref _jobsPublished);

    internal void ShareLost() => Interlocked.Increment(ref _sharesLost);

    internal void PublishFailed() => Interlocked.Increment(ref _publishFailures);

    internal void VerdictSent(DeviceVerdictCode code) => Interlocked.Increment(ref _verdicts[(int)code]);
}
