using System;
using System.Linq;
using IotMinerAgent.Linux.Mqtt.Connection;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_within_jitter_up_to_the_cap_and_reset_after_success()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));

        double[] delays = Enumerable.Range(0, 10).Select(_ => backoff.Next().TotalSeconds).ToArray();
        backoff.Reset();
        double afterReset = backoff.Next().TotalSeconds;

        double[] steps = [1, 2, 4, 8, 16, 32, 60, 60, 60, 60];
        for (int i = 0; i < steps.Length; i++)
        {
            Assert.InRange(delays[i], steps[i] / 2, steps[i]);
        }

        Assert.InRange(afterReset, 0.5, 1);
    }

    [Fact]
    public void Two_agents_do_not_retry_in_lockstep()
    {
        var first = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));
        var second = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(2));

        Assert.NotEqual(Enumerable.Range(0, 5).Select(_ => first.Next()), Enumerable.Range(0, 5).Select(_ => second.Next()));
    }
}
