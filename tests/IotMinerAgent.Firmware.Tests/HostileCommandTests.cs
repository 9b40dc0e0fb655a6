using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Linux.Tests;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// A hostile publisher commands a virtual ESP32 over a real broker: terminal controls and bidi overrides in the topic,
/// the payload, the request id and a field name come back escaped in every event, and mining goes on.
/// </summary>
public sealed class HostileCommandTests
{
    [Fact]
    public async Task Command_text_is_published_escaped_and_mining_goes_on()
    {
        const string id = "esp32-hostile";
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice device = VirtualDevice.Create(new VirtualEsp32Options { BrokerPort = broker.Port, DeviceId = id }).Start();
        await Eventually.True(() => device.Status.Accepted >= 1, 15, () => $"{device.Status.State}: {device.Status.Reason}");

        string all = JsonSerializer.Serialize(HostileText.All);
        await owner.CommandAsync(id, "threads" + HostileText.RightToLeft, "1");
        await owner.CommandAsync(id, "max_duty", HostileText.All);
        await owner.CommandAsync(id, "max_duty", "{\"value\": 5, " + all + ": 1}");
        await owner.CommandAsync(id, "target_temperature", "{\"value\": " + all + ", \"request_id\": " + all + "}");
        await Eventually.True(() => owner.On($"iotminer/{id}/event").Count >= 4, 10, () => "answers missing");

        int accepted = device.Status.Accepted;
        await Eventually.True(() => device.Status.Accepted > accepted, 15, () => "no share after the hostile commands");

        var events = owner.On($"iotminer/{id}/event").Select(e => e.Json()).ToList();
        foreach (JsonElement answer in events)
        {
            foreach (string text in HostileText.Strings(answer))
            {
                HostileText.AssertNone(text, "a device event");
            }
        }

        Assert.Contains(events, e => e.GetProperty("command").GetString() == "threads\\u202eevil");
        Assert.Contains(events, e => e.GetProperty("request_id").GetString() is { } r && r.StartsWith(HostileText.ClearScreenEscaped, System.StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetProperty("error").GetString() is { } error && error.Contains(HostileText.ClearScreenEscaped, System.StringComparison.Ordinal));
    }
}
