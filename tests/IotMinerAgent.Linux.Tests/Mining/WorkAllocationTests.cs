using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;

namespace IotMinerAgent.Linux.Tests.Mining;

public sealed class WorkAllocationTests
{
    [Fact]
    public void Units_taken_from_many_threads_never_overlap()
    {
        var allocator = new WorkAllocator(extranonce2Space: 1UL << 32);
        var taken = new ConcurrentBag<WorkUnit>();
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 2000; i++)
            {
                Assert.True(allocator.TryTake(out WorkUnit unit));
                taken.Add(unit);
            }
        });

        Assert.Equal(taken.Count, taken.Select(u => (u.Extranonce2, u.FirstNonce)).Distinct().Count());
        Assert.All(taken, u => Assert.True(u.FirstNonce + u.Count <= NonceRange.Limit));
    }

    [Fact]
    public void A_job_space_runs_out_instead_of_wrapping()
    {
        var allocator = new WorkAllocator(extranonce2Space: 1);
        for (ulong i = 0; i < NonceRange.Limit / WorkAllocator.NoncesPerUnit; i++)
        {
            Assert.True(allocator.TryTake(out _));
        }

        Assert.False(allocator.TryTake(out _));
    }

    [Fact]
    public void The_same_work_posted_again_continues_where_it_was_and_new_work_starts_fresh()
    {
        var board = new JobBoard();
        board.Post(Job("pool-job-1"));
        board.Current!.Allocator.TryTake(out WorkUnit first);

        board.Post(Job("pool-job-1")); // a resumed session re-sends its job, or the difficulty changed
        board.Current!.Allocator.TryTake(out WorkUnit second);
        Assert.NotEqual((first.Extranonce2, first.FirstNonce), (second.Extranonce2, second.FirstNonce));

        board.Post(Job("pool-job-2"));
        board.Current!.Allocator.TryTake(out WorkUnit fresh);
        Assert.Equal((0UL, 0U), (fresh.Extranonce2, fresh.FirstNonce));
    }

    [Fact]
    public void Chunks_converge_on_the_target_time_in_whole_lanes_and_never_exceed_the_rest_of_the_unit()
    {
        var chunk = new AdaptiveChunk(lanes: 16);
        const double nanosecondsPerHash = 50; // 20 MH/s
        for (int i = 0; i < 40; i++)
        {
            ulong size = chunk.Next(ulong.MaxValue);
            chunk.Observe(size, TimeSpan.FromTicks((long)(size * nanosecondsPerHash / 100)));
        }

        ulong settled = chunk.Next(ulong.MaxValue);
        Assert.Equal(0UL, settled % 16);
        double milliseconds = settled * nanosecondsPerHash / 1e6;
        Assert.InRange(milliseconds, AdaptiveChunk.TargetMilliseconds / 2, AdaptiveChunk.TargetMilliseconds * 1.1);
        Assert.Equal(7UL, chunk.Next(7));
    }

    private static MiningJob Job(string key) => new TestJob
    {
        JobId = key,
        WorkKey = key,
        Algorithm = Algorithms.Sha256d,
        ShareDifficulty = Difficulty.FromInteger(1),
        Extranonce2Space = 1UL << 32,
    };

    private sealed class TestJob : MiningJob
    {
        public override string NtimeHex => "00000000";

        public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            extranonce2Bytes = BitConverter.GetBytes(extranonce2);
            return new HeaderWork(Algorithm, new byte[HeaderWork.HeaderLength], ShareTarget);
        }

        public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken) =>
            throw new NotSupportedException("This test job is never submitted.");
    }
}
