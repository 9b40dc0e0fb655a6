using CsCheck;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class WorkerShareTests
{
    [Theory]
    [InlineData(300_000, 4, 2, 60)]
    [InlineData(1_000_000, 4, 4, 100)]
    [InlineData(100_000, 4, 1, 40)]
    [InlineData(857_000, 4, 4, 86)]
    [InlineData(250_000, 1, 1, 25)]
    [InlineData(0, 4, 0, 0)]
    public void Uses_as_few_workers_as_the_load_needs(int loadPpm, int maxThreads, int threads, int duty)
    {
        int actualThreads = WorkerShare.Threads(loadPpm, maxThreads);
        Assert.Equal(threads, actualThreads);
        Assert.Equal(duty, WorkerShare.DutyPercent(loadPpm, maxThreads, actualThreads));
    }

    [Fact]
    public void Delivers_the_load_within_half_a_percent_of_one_worker()
    {
        Gen.Select(Gen.Int[10_000, 1_000_000], Gen.Int[1, 64]).Sample((loadPpm, maxThreads) =>
        {
            int threads = WorkerShare.Threads(loadPpm, maxThreads);
            int duty = WorkerShare.DutyPercent(loadPpm, maxThreads, threads);
            long deliveredPpm = (long)threads * duty * 10_000 / maxThreads;

            Assert.InRange(threads, 1, maxThreads);
            Assert.True(System.Math.Abs(deliveredPpm - loadPpm) <= threads * 5_000L / maxThreads + 1);

            // Minimal: one worker fewer at full duty could not deliver the load.
            Assert.True((threads - 1) * 1_000_000L < (long)loadPpm * maxThreads);
        });
    }
}
