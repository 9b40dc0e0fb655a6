using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// A dispatcher that only records what the transport hands it and accepts every share (after <see cref="JudgeDelay"/>),
/// for the transport-only tests: malformed payloads, forwarding, fairness. The real judging is FleetDispatcher's.
/// </summary>
internal sealed class ScriptedDispatcher(byte instance) : IFleetDispatcher
{
    readonly Channel<DeviceAssignment> _assignments = Channel.CreateUnbounded<DeviceAssignment>();
    readonly List<(string Device, WorkRequest Request)> _requests = [];
    readonly List<(string Device, DeviceShare Share)> _judged = [];
    readonly List<(string Device, DeviceShare Share)> _overflowed = [];
    readonly Dictionary<string, int> _judgedAtArrival = [];
    int _arrived;

    public byte Instance => instance;

    public ChannelReader<DeviceAssignment> Assignments => _assignments.Reader;

    /// <summary>Final verdicts to publish later, as a dispatcher that held shares for upstream would.</summary>
    public Channel<DeviceVerdictFor> Late { get; } = Channel.CreateUnbounded<DeviceVerdictFor>();

    public ChannelReader<DeviceVerdictFor> LateVerdicts => Late.Reader;

    /// <summary>How long each judgement's hash takes: spent on the judging worker's thread, as hashing is.</summary>
    public TimeSpan JudgeDelay { get; set; }

    /// <summary>When set, each judged share is recorded here and its verdict returned only once it is committed.</summary>
    public GroupCommitQueue? Ledger { get; init; }

    /// <summary>Answer each work request with a job (id: instance byte, then a counter).</summary>
    public bool AnswerRequests { get; set; } = true;

    public IReadOnlyList<(string Device, WorkRequest Request)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<(string Device, DeviceShare Share)> Judged
    {
        get
        {
            lock (_judged)
            {
                return [.. _judged];
            }
        }
    }

    public void RequestWork(string deviceId, WorkRequest request)
    {
        int count;
        lock (_requests)
        {
            _requests.Add((deviceId, request));
            count = _requests.Count;
        }

        if (AnswerRequests)
        {
            _assignments.Writer.TryWrite(new DeviceAssignment(deviceId, Job((uint)count)));
        }
    }

    public DeviceJob Job(uint serial) =>
        DeviceJob.ForSha256d(((uint)instance << 24) | serial, Sha256.NewState(), new byte[DeviceJob.TailLength], new Target([0, 0, 0, 0, 0, 0, 0, 0xffff]),
            0, 1u << 20, 1_700_000_000, 60);

    /// <summary>How many shares the link announced on their arrival, before judging.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>How many shares had been judged when the latest share of <paramref name="deviceId"/> arrived.</summary>
    public int JudgedAtArrival(string deviceId)
    {
        lock (_judged)
        {
            return _judgedAtArrival[deviceId];
        }
    }

    public void ShareArrived(string deviceId)
    {
        Interlocked.Increment(ref _arrived);
        lock (_judged)
        {
            _judgedAtArrival[deviceId] = _judged.Count;
        }
    }

    public async Task<DeviceVerdict> JudgeAsync(string deviceId, DeviceShare share, CancellationToken cancellationToken)
    {
        lock (_judged)
        {
            _judged.Add((deviceId, share));
        }

        if (JudgeDelay > TimeSpan.Zero)
        {
            Thread.Sleep(JudgeDelay);
        }

        if (Ledger is { } ledger)
        {
            await ledger.EnqueueAsync(new LedgerShare(deviceId, share.JobId, share.Nonce, DeviceVerdictCode.Accepted, 1, DateTimeOffset.UtcNow), cancellationToken);
        }

        return new DeviceVerdict(share.JobId, share.Nonce, DeviceVerdictCode.Accepted, "");
    }

    /// <summary>Shares the link passed on as over their device's queue.</summary>
    public IReadOnlyList<(string Device, DeviceShare Share)> Overflowed
    {
        get
        {
            lock (_overflowed)
            {
                return [.. _overflowed];
            }
        }
    }

    public Task<DeviceVerdict> RefuseOverflowAsync(string deviceId, DeviceShare share, int queueLength, CancellationToken cancellationToken)
    {
        lock (_overflowed)
        {
            _overflowed.Add((deviceId, share));
        }

        return Task.FromResult(new DeviceVerdict(share.JobId, share.Nonce, DeviceVerdictCode.RejectedRateLimited, $"over {queueLength} shares waiting"));
    }

    public Task RunAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
