using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>The device list the REST API shows (<c>GET /api/v1/devices</c>): reported hash rate, last seen, verdicts judged by real hashing.</summary>
public sealed class DeviceReportTests
{
    [Fact]
    public async Task Each_device_shows_its_reported_hash_rate_last_seen_and_its_own_verdicts()
    {
        await using var gateway = new DispatcherHarness();
        await gateway.TemplateAsync(11, shareDifficulty: 1e-3);
        DeviceJob a = gateway.Request("esp-a", hashRate: 120);
        DeviceJob b = gateway.Request("esp-b", hashRate: 80);

        var good = SimulatedDevice.FindShares(a, 2);
        Assert.Equal(DeviceVerdictCode.Accepted, (await gateway.JudgeAsync("esp-a", a.JobId, good[0])).Code);
        Assert.Equal(DeviceVerdictCode.Accepted, (await gateway.JudgeAsync("esp-a", a.JobId, good[1])).Code);
        Assert.Equal(DeviceVerdictCode.RejectedDuplicate, (await gateway.JudgeAsync("esp-a", a.JobId, good[1])).Code);
        gateway.Clock.Advance(System.TimeSpan.FromSeconds(5));
        Assert.Equal(DeviceVerdictCode.RejectedLowDifficulty, (await gateway.JudgeAsync("esp-b", b.JobId, SimulatedDevice.FindMiss(b))).Code);

        DeviceReport[] devices = [.. gateway.Dispatcher.Devices()];
        Assert.Equal(["esp-a", "esp-b"], devices.Select(d => d.DeviceId));
        Assert.Equal((120.0, 2L, 1L), (devices[0].HashrateHs, devices[0].Accepted, devices[0].Rejected));
        Assert.Equal((80.0, 0L, 1L), (devices[1].HashrateHs, devices[1].Accepted, devices[1].Rejected));
        Assert.Equal(gateway.Clock.GetUtcNow(), devices[1].LastSeen);
        Assert.True(devices[0].LastSeen < devices[1].LastSeen);
    }
}
