using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// The link's judging against the ledger's group commit, on a real mosquitto: workers keep judging while a commit is
/// in flight, so the next commit carries every share judged meanwhile (more than the worker count), and no verdict
/// reaches a device before the commit that holds its share. Each verdict's <see cref="ShareTiming"/> puts the held
/// commit in the "judged + committed" stage, where the load benchmark's breakdown reads it.
/// </summary>
public sealed class GroupCommitUnderLoadTests : IAsyncLifetime
{
    MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_commit_carries_every_share_judged_while_the_previous_one_flushed_and_verdicts_follow_their_commit()
    {
        const int workers = 2;
        const int shares = 40;
        var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int>();
        var committedAt = new Dictionary<(uint, uint), long>();
        bool first = true;

        // The durable write under test is the queue's batching; the first commit is held open as a slow fsync would be.
        async Task CommitAsync(IReadOnlyList<LedgerShare> batch, CancellationToken cancellationToken)
        {
            if (first)
            {
                first = false;
                await firstCommit.Task;
            }

            lock (committedAt)
            {
                batches.Add(batch.Count);
                foreach (LedgerShare share in batch)
                {
                    committedAt[(share.JobId, share.Nonce)] = Stopwatch.GetTimestamp();
                }
            }
        }

        await using var ledger = new GroupCommitQueue(CommitAsync, 2048, NullLogger.Instance);
        var dispatcher = new ScriptedDispatcher(instance: 0) { Ledger = ledger };
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher,
            new GatewayLinkSettings { Workers = workers, DeviceQueueLength = shares });
        var timings = new List<ShareTiming>();
        gateway.Link.ShareAnswered += t =>
        {
            lock (timings)
            {
                timings.Add(t);
            }
        };
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "busy");

        foreach (int i in Enumerable.Range(0, shares))
        {
            await device.SendShareAsync(new DeviceShare(1, (uint)i));
        }

        // Every share is judged while the first commit is still open: the workers did not wait for it.
        await WaitUntilAsync(() => dispatcher.Judged.Count == shares, $"all {shares} shares judged while the first commit is open");
        Assert.Empty(device.Verdicts);

        long releasedAt = Stopwatch.GetTimestamp();
        firstCommit.SetResult();
        await device.WaitForVerdictCountAsync(shares, seconds: 30);
        await WaitUntilAsync(() => { lock (timings) { return timings.Count == shares; } }, $"{shares} share timings");

        lock (committedAt)
        {
            Assert.Equal(shares, batches.Sum());
            Assert.True(batches.Max() > workers, $"largest commit {batches.Max()} records, workers {workers}: batches {string.Join(",", batches)}");
            Assert.All(device.Verdicts, v =>
            {
                Assert.Equal(DeviceVerdictCode.Accepted, v.Verdict.Code);
                Assert.True(committedAt[(v.Verdict.JobId, v.Verdict.Nonce)] < v.ReceivedAt, $"verdict for nonce {v.Verdict.Nonce} before its commit");
            });
        }

        // Every share was taken by a worker before the held commit was released, and counts as decided only after
        // its own commit: the wait for the ledger is in the judged + committed stage, not in the stages around it.
        lock (timings)
        {
            Assert.All(timings, t =>
            {
                Assert.True(t.ReceivedAt > 0 && t.ReceivedAt <= t.TakenAt && t.TakenAt < releasedAt, $"nonce {t.Verdict.Nonce}: received {t.ReceivedAt}, taken {t.TakenAt}, released {releasedAt}");
                Assert.True(t.DecidedAt >= committedAt[(t.Verdict.JobId, t.Verdict.Nonce)], $"nonce {t.Verdict.Nonce} decided before its commit");
                Assert.True(t.DecidedAt <= t.PublishingAt && t.PublishingAt <= t.AckedAt, $"nonce {t.Verdict.Nonce}: decided {t.DecidedAt}, publishing {t.PublishingAt}, acked {t.AckedAt}");
            });
        }
    }

    static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
