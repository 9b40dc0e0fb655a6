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
/// Issue 15: every share is in the journal before it reaches its work source, and none waits for a disk commit on the
/// way (the journal decides what to write, and when: docs/mqtt.md, "Disk writes").
/// </summary>
public sealed class ShareJournalOrderTests
{
    [Fact]
    public async Task Every_share_is_journalled_in_the_order_found_before_it_goes_to_the_pool()
    {
        var journal = new RecordingJournal();
        var job = new RecordingJob(journal);
        var sink = new ShareSink(NullLogger<ShareSink>.Instance, new MinerStats(1));
        using var submitter = new ShareSubmitter(sink, journal, new MinerStats(1), new RecentShares(), NullLogger<ShareSubmitter>.Instance, TimeProvider.System, 8);
        uint[] nonces = Hits(job, 5);

        await submitter.StartAsync(CancellationToken.None);
        try
        {
            foreach (uint nonce in nonces)
            {
                Find(sink, job, nonce);
            }

            await WaitUntilAsync(() => job.Submitted.Count == 5, "every share submitted");
        }
        finally
        {
            await submitter.StopAsync(CancellationToken.None);
        }

        Assert.Equal(nonces, journal.Recorded.SelectMany(c => c).Select(s => s.Nonce));
        Assert.Empty(job.SubmittedBeforeJournalled);
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
        public ConcurrentQueue<FoundShare[]> Recorded { get; } = new();

        public bool Holds(FoundShare share) => Recorded.Any(c => c.Contains(share));

        public void Found(IReadOnlyList<FoundShare> shares) => Recorded.Enqueue([.. shares]);

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
            JobId = "journal-order";
            WorkKey = "journal-order";
            Algorithm = Algorithms.Sha256d;
            // 1e-8: about one nonce in 43 meets the target (2^32 · 1e-8 hashes per share, docs/mqtt.md vardiff), so hits are quick to find.
            ShareDifficulty = Difficulty.Parse("0.00000001");
            Extranonce2Space = 1UL << 32;
        }

        public ConcurrentQueue<FoundShare> Submitted { get; } = new();

        public ConcurrentQueue<FoundShare> SubmittedBeforeJournalled { get; } = new();

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
                SubmittedBeforeJournalled.Enqueue(share);
            }

            Submitted.Enqueue(share);
            return Task.FromResult(new ShareOutcome(ShareVerdict.Accepted, null));
        }
    }
}
