using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// The energy rule on a virtual ESP32 with a real mosquitto: the board follows the same price topic as the Linux
/// agent, with the agent's reasons. The work earns a known zero (<c>energy.coinPrice</c> = 0, as the test gateway's
/// random headers earn nothing), so any positive price makes mining a loss.
/// </summary>
public sealed class EnergyRuleTests
{
    // The classic ESP32's table figure: 68 mA × 3.3 V = 224.4 mW → 224 mW (Espressif datasheet, governor/Portable/Energy/BoardPowerTable).
    // At 1000 ¤/kWh (no energy:currency set: the generic sign): 1000 ¤/kWh × 0.000224 kW = 0.224 ¤/h = 22.4 ct/h;
    // the work earns 0 ct/h.
    const string PausedAt1000 = "paused: energy 1000 ¤/kWh (price topic) costs 22.4 ct/h at 0.224 W, mining earns 0 ct/h (coin price 0 (energy:coinPrice))";

    static VirtualDevice Device(int port, string id, string energyJson) => VirtualDevice.Create(new VirtualEsp32Options
    {
        BrokerPort = port,
        DeviceId = id,
        EnergyJson = energyJson,
    }).Start();

    static string Now(VirtualDevice device) => $"{device.Status.State}: {device.Status.Reason}";

    [Fact]
    public async Task A_price_of_1000_pauses_with_the_reason_and_a_price_of_0_mines_again_after_the_minimum_switch_time()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        const string topic = "home/esp32-price/state";
        using VirtualDevice device = Device(broker.Port, "esp32-energy",
            $"\"mode\": \"profitable\", \"priceTopic\": \"{topic}\", \"coinPrice\": 0, \"unknownAction\": \"mine\", \"minSwitchSeconds\": 4");

        // No price yet: unknown, and the owner said mine.
        await Eventually.True(() => device.Cpu.TotalHashed > 0, 15, () => Now(device));
        Assert.Contains("energy:unknownAction = mine", device.Status.Reason);

        await owner.PublishAsync(topic, "1000", retain: true);
        await Eventually.True(() => device.Status.State == "paused", 10, () => Now(device));
        Assert.Equal(PausedAt1000, device.Status.Reason);
        await Eventually.True(() => owner.On("iotminer/esp32-energy/status").Any(s => s.Json().GetProperty("reason").GetString() == PausedAt1000), 10,
            () => "the MQTT status never carried the energy reason");
        long hashed = device.Cpu.TotalHashed;
        await Task.Delay(600);
        Assert.InRange(device.Cpu.TotalHashed - hashed, 0, 16);

        // Free energy: mining is worth it again, but only once 4 s have passed since the pause.
        await owner.PublishAsync(topic, "0", retain: true);
        await Eventually.True(() => device.Status.State != "paused", 20, () => Now(device));
        Assert.Contains(owner.On("iotminer/esp32-energy/status").Select(s => s.Json().GetProperty("reason").GetString() ?? ""),
            r => r.Contains("resuming in") && r.Contains("(energy:minSwitchSeconds = 4)"));
        Assert.Contains("energy 0 ¤/kWh (price topic) costs 0 ct/h", device.Status.Reason);
        await Eventually.True(() => device.Cpu.TotalHashed > hashed + 100, 10, () => Now(device));
    }

    [Fact]
    public async Task An_owner_retune_keeps_the_energy_rules_minimum_switch_time()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        const string topic = "home/esp32-retune-price";
        await owner.PublishAsync(topic, "1000", retain: true);
        using VirtualDevice device = Device(broker.Port, "esp32-retune",
            $"\"mode\": \"profitable\", \"priceTopic\": \"{topic}\", \"coinPrice\": 0, \"minSwitchSeconds\": 600");
        await Eventually.True(() => device.Status.Reason == PausedAt1000, 15, () => Now(device));

        await owner.PublishAsync(topic, "0", retain: true);
        await Eventually.True(() => device.Status.Reason.Contains("resuming in"), 10, () => Now(device));

        // A new thermal policy must not hand the energy rule a fresh start (which would mine at once).
        await owner.CommandAsync("esp32-retune", "max_duty", "80");
        await Eventually.True(() => device.Status.MaxDutyPercent == 80, 10, () => $"max duty {device.Status.MaxDutyPercent}");
        await Task.Delay(1000);
        Assert.Equal("paused", device.Status.State);
        Assert.Contains("(energy:minSwitchSeconds = 600)", device.Status.Reason);
    }

    [Fact]
    public async Task A_stale_price_topic_falls_back_to_the_unknown_action_and_a_fresh_message_lifts_it()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port, nonceCount: 1 << 20);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        const string topic = "home/esp32-stale-price";
        await owner.PublishAsync(topic, "{\"state\": \"0\"}", retain: true);
        using VirtualDevice device = Device(broker.Port, "esp32-stale",
            $"\"mode\": \"profitable\", \"priceTopic\": \"{topic}\", \"coinPrice\": 0, \"topicTimeout\": 2, \"unknownAction\": \"pause\"");

        // The retained price (Home Assistant's JSON form) is fresh: energy costs nothing, so the board mines.
        await Eventually.True(() => device.Cpu.TotalHashed > 0, 15, () => Now(device));

        // Nothing more arrives: after 2 s the price is unknown and unknownAction = pause holds, naming why.
        await Eventually.True(() => device.Status.State == "paused", 15, () => Now(device));
        Assert.StartsWith($"paused: energy price unknown (no message on {topic} for ", device.Status.Reason);
        Assert.EndsWith(" s (energy:topicTimeout = 2 s)); energy:unknownAction = pause", device.Status.Reason);

        await owner.PublishAsync(topic, "0", retain: false);
        await Eventually.True(() => device.Status.State != "paused", 10, () => Now(device));
    }
}
