using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>Per-device bounded queues served in turn.</summary>
public sealed class FairShareQueueTests
{
    [Fact]
    public async Task Devices_are_served_in_turn_whatever_order_their_shares_came_in()
    {
        var queue = new FairShareQueue(perDevice: 10);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(queue.TryEnqueue(Share("flood", i)));
        }

        Assert.True(queue.TryEnqueue(Share("b", 0)));
        Assert.True(queue.TryEnqueue(Share("c", 0)));
        Assert.True(queue.TryEnqueue(Share("c", 1)));

        var order = new List<string>();
        for (int i = 0; i < 8; i++)
        {
            order.Add((await queue.TakeAsync(CancellationToken.None)).DeviceId);
        }

        Assert.Equal(["flood", "b", "c", "flood", "c", "flood", "flood", "flood"], order);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_full_device_queue_refuses_only_that_device()
    {
        var queue = new FairShareQueue(perDevice: 2);
        Assert.True(queue.TryEnqueue(Share("a", 0)));
        Assert.True(queue.TryEnqueue(Share("a", 1)));
        Assert.False(queue.TryEnqueue(Share("a", 2)));
        Assert.True(queue.TryEnqueue(Share("b", 0)));
        Assert.Equal(3, queue.Count);
    }

    static InboundShare Share(string device, int n) => new(device, [(byte)n], Forwarded: false);
}
