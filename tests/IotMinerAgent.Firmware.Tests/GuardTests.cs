using System.Threading.Tasks;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>What stops the miner besides the owner: the product being busy, a missing sensor, low heap.</summary>
public sealed class GuardTests
{
    [Fact]
    public async Task A_busy_product_pauses_mining_and_idle_resumes_it_after_the_delay()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-lamp",
            PolicyJson = "\"idleOnly\": true, \"idleDelaySeconds\": 1",
        }).Start();
        await Eventually.True(() => device.Cpu.TotalHashed > 0, 10, () => $"{device.Status.State}: {device.Status.Reason}");

        device.Miner.SetBusy(true);
        await Eventually.True(() => device.Status.Reason == "paused: device busy", 5, () => device.Status.Reason);
        long hashed = device.Cpu.TotalHashed;
        await Task.Delay(500);
        Assert.InRange(device.Cpu.TotalHashed - hashed, 0, 16);

        device.Miner.SetBusy(false);
        await Eventually.True(() => device.Status.Reason.StartsWith("paused: waiting for idle"), 5, () => device.Status.Reason);
        await Eventually.True(() => device.Cpu.TotalHashed > hashed + 100, 10, () => $"{device.Status.State}: {device.Status.Reason}");
    }

    [Theory]
    [InlineData("pause", "paused", "paused: no temperature reading", 0)]
    [InlineData("fixed", "no-work", "waiting for the broker", 20)]
    public void A_board_without_a_sensor_follows_the_no_sensor_policy(string noSensor, string state, string reason, int duty)
    {
        using VirtualDevice device = Unreachable("esp32-s3", $"\"noSensor\": \"{noSensor}\", \"noSensorDutyPercent\": 20");
        device.Thermal.HasSensor = false;
        device.Start();

        // With "fixed", the governor ramps to the fixed duty and only the missing job keeps the board idle.
        WaitFor(device, () => device.Status.State == state && device.Status.Reason.StartsWith(reason) && device.Status.DutyPercent == duty);
        Assert.False(device.Status.HasTemperature);
    }

    [Fact]
    public void Low_free_heap_pauses_mining_and_names_the_limit()
    {
        using VirtualDevice device = Unreachable("esp32-tight", "\"targetTemperatureC\": 70");
        device.Heap.FreeBytes = 9000;
        device.Start();

        WaitFor(device, () => device.Status.Reason.StartsWith("paused: free heap 9000 bytes below mining.minFreeHeapBytes = 16384"));
        device.Heap.FreeBytes = 100_000;
        WaitFor(device, () => !device.Status.Reason.Contains("free heap"));
        Assert.Empty(device.Restart.Reasons);
    }

    // No broker listens on the port: the device keeps retrying, and its status still says what holds it back.
    static VirtualDevice Unreachable(string id, string policyJson) =>
        VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = MosquittoBroker.FreePort(), DeviceId = id, PolicyJson = policyJson });

    static void WaitFor(VirtualDevice device, System.Func<bool> condition) =>
        Eventually.True(condition, 5, () => $"{device.Status.State}: {device.Status.Reason}").GetAwaiter().GetResult();
}
