using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Outbox;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// Issue 15 (SD-card wear) against a real mosquitto and a SIGKILLed process: only shares the broker has not
/// acknowledged when their write is due reach the disk, and those survive a SIGKILL and are delivered after the restart.
/// </summary>
public sealed class ShareOutboxWearTests : IDisposable
{
    const string Device = "wear";
    const string Topic = "iotminer/wear/share";
    readonly string _state = Directory.CreateTempSubdirectory("iotminer-wear-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Shares_the_broker_acknowledged_before_their_write_was_due_never_reach_the_disk()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestSubscriber collector = await TestSubscriber.ConnectAsync(broker.Port, [Topic]);

        // A write delay of 10 minutes: the outbox's timer cannot write during the test however loaded the machine is,
        // so each share is secured by its PUBACK or not at all.
        using ShareProbeProcess probe = ShareProbeProcess.Start(broker.Port, _state, Device, 0, 20, intervalMs: 1, writeDelayMs: 600_000);
        await probe.WaitSecuredAsync(20, seconds: 60);
        string[] ids = [.. probe.Secured.Select(s => s.Id)];
        await MqttBrokerContractTests.WaitUntilAsync(() => ids.All(Received(collector).Contains), "the subscriber has every share", seconds: 30);
        // SIGKILL: no clean stop, which would write whatever was still unacknowledged.
        probe.Kill();

        Assert.All(probe.Secured, s => Assert.Equal("broker", s.By));
        Assert.True(File.Exists(Path.Combine(_state, ShareOutbox.FileName)), "the outbox database was created");
        Assert.DoesNotContain(ids, AnyFileContains);
        using ShareOutbox reopened = ShareOutbox.Open(_state);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public async Task An_unacknowledged_share_is_written_survives_a_sigkill_and_is_delivered_after_the_restart()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();

        // The broker is down: no PUBACK can come, so the shares are secured only by their write (due 50 ms after the first).
        using (ShareProbeProcess first = ShareProbeProcess.Start(broker.Port, _state, Device, 0, 5, intervalMs: 1, writeDelayMs: 50))
        {
            await first.WaitSecuredAsync(5, seconds: 60);
            first.Kill();
            Assert.All(first.Secured, s => Assert.Equal("disk", s.By));
        }

        string[] written;
        using (ShareOutbox afterKill = ShareOutbox.Open(_state))
        {
            written = [.. afterKill.ReadyBatch(10).Select(p => p.Id)];
        }

        Assert.Equal(5, written.Length);
        await broker.StartAgainAsync();
        await using TestSubscriber collector = await TestSubscriber.ConnectAsync(broker.Port, [Topic]);
        // The restarted process finds no share of its own (range 5..5): it only publishes what the killed one left.
        using ShareProbeProcess second = ShareProbeProcess.Start(broker.Port, _state, Device, 5, 5, intervalMs: 0);
        await MqttBrokerContractTests.WaitUntilAsync(() => written.All(Received(collector).Contains), "the subscriber has the written shares",
            seconds: 30, detail: () => $"got {string.Join(",", Received(collector))}; broker log:\n{broker.Log}");
        await second.StopAsync();

        using ShareOutbox afterDelivery = ShareOutbox.Open(_state);
        Assert.Equal(0, afterDelivery.Count);
    }

    static string[] Received(TestSubscriber collector) => [.. collector.Messages.Select(m => m.Json.GetProperty("id").GetString()!)];

    // True when some file of the state directory (database, WAL, shared memory) holds the id's bytes.
    bool AnyFileContains(string id)
    {
        byte[] needle = Encoding.UTF8.GetBytes(id);
        return Directory.GetFiles(_state).Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }
}
