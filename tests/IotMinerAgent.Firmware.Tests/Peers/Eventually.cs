using System;
using System.Threading.Tasks;

namespace IotMinerAgent.Firmware.Tests.Peers;

/// <summary>Waits for a condition the devices reach by themselves, failing with a description of what was missing.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms for at most <paramref name="seconds"/>.</summary>
    public static async Task True(Func<bool> condition, double seconds, Func<string> describe)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not reached within {seconds} s: {describe()}");
            }

            await Task.Delay(50);
        }
    }
}
