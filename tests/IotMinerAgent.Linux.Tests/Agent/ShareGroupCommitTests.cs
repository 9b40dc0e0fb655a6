using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Mining;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// Issue 15 (SD-card wear): shares confirmed shortly after a journal commit are journalled together in the next one,
/// and no share reaches its work source before the commit that holds it.
/// </summary>
public sealed class ShareGroupCommitTests
{
    // Long enough that the test's four shares surely come within it after the first commit, even on a loaded machine.
    static readonly TimeSpan s_interval = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Shares_found_within_the_interval_after_a_commit_go_in_one_commit_and_only_then_to_the_pool()
    {
        var journal = new RecordingJournal();
        var job = new RecordingJob(journal);
        var sink = new ShareSink(NullLogger<ShareSink>.Instance, new MinerStats(1));
        using var submitter = new ShareSubmitter(sink, journal, new MinerStats(1), new RecentShares(), NullLogger<ShareSubmitter>.Instance, TimeProvider.System, 8, s_interval);
        uint[] nonces = Hits(job, 5);

        await submitter.StartAsync(CancellationToken.None);
        try
        {
            Find(sink, job, nonces[0]);
            await WaitUntilAsync(() => journal.Commits.Count == 1, "the first share committed at once");
            foreach (uint nonce in nonces.Skip(1))
            {
                Find(sink, job, nonce);
            }

            await WaitUntilAsync(() => job.Submitted.Count == 5, "every share submitted");
        }
        finally
        {
            await submitter.StopAsync(CancellationToken.None);
        }

        Assert.Equal([[nonces[0]], nonces[1..]], journal.Commits.Select(c => c.Select(s => s.Nonce).ToArray()));
        Assert.Empty(job.SubmittedBeforeCommit);
    }

    static void Find(ShareSink sink, RecordingJob job, uint nonce)
    {
        HeaderWork work = job.BuildWork(0, out byte[] extranonce2);
        sink.Found(job, work, extranonce2, nonce);
    }

    // Nonces whose hash meets the job's (very easy) share target, found by hashing as the sink checks them.
    static uint[] Hits(RecordingJob job, int count)
    {
        HeaderWork work = job.BuildWork(0, out _);
        var hits = new List<uint>();
        for (uint nonce = 0; hits.Count < count; nonce++)
        {
            if (job.ShareTarget.IsMetBy(ProofOfWork.Hash(work, nonce)))
            {
                hits.Add(nonce);
            }
        }

        return [.. hits];
    }

    static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    sealed class RecordingJournal : IShareJournal
    {
        public ConcurrentQueue<FoundShare[]> Commits { get; } = new();

        public bool Holds(FoundShare share) => Commits.Any(c => c.Contains(share));

        public void Found(IReadOnlyList<FoundShare> shares) => Commits.Enqueue([.. shares]);

        public void Answered(FoundShare share, ShareOutcome outcome)
        {
        }
    }

    sealed class RecordingJob : MiningJob
    {
        readonly RecordingJournal _journal;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public RecordingJob(RecordingJournal journal)
        {
            _journal = journal;
            JobId = "group-commit";
            WorkKey = "group-commit";
            Algorithm = Algorithms.Sha256d;
            // 1e-8: about one nonce in 43 meets the target (2^32 · 1e-8 hashes per share, docs/mqtt.md vardiff), so hits are quick to find.
            ShareDifficulty = Difficulty.Parse("0.00000001");
            Extranonce2Space = 1UL << 32;
        }

        public ConcurrentQueue<FoundShare> Submitted { get; } = new();

        public ConcurrentQueue<FoundShare> SubmittedBeforeCommit { get; } = new();

        public override string NtimeHex => "00000000";

        public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            extranonce2Bytes = BitConverter.GetBytes((uint)extranonce2);
            return new HeaderWork(Algorithm, new byte[HeaderWork.HeaderLength], ShareTarget);
        }

        public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken)
        {
            if (!_journal.Holds(share))
            {
                SubmittedBeforeCommit.Enqueue(share);
            }

            Submitted.Enqueue(share);
            return Task.FromResult(new ShareOutcome(ShareVerdict.Accepted, null));
        }
    }
}
