using System.Threading;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Tests.Platform;

public class LowPriorityTests
{
    [Fact]
    public void A_worker_thread_drops_to_nice_19_and_sched_idle_and_other_threads_keep_their_priority()
    {
        string? problem = "not run";
        int nice = 0, policy = -1;
        var worker = new Thread(() =>
        {
            problem = LowPriority.ApplyToCurrentThread();
            nice = LowPriority.CurrentThreadNice();
            policy = LowPriority.CurrentThreadPolicy();
        });
        worker.Start();
        worker.Join();

        Assert.Null(problem);
        Assert.Equal(19, nice);
        Assert.Equal(5, policy); // SCHED_IDLE, sched(7)
        Assert.NotEqual(5, LowPriority.CurrentThreadPolicy());
    }
}
