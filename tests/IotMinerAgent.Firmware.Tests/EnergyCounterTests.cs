using System.Text.Json;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Control;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Firmware.Tests;

public sealed class EnergyCounterTests
{
    [Fact]
    public void The_status_carries_the_boards_energy_since_start_from_duty_and_board_power()
    {
        // 100 mW idle, 300 mW at full load: at 50 % duty 100 + 0.5 × 200 = 200 mW. One hour at 200 mW is
        // 200 mW × 3 600 000 ms = 720 000 000 µJ = 0.2 Wh = 0.0002 kWh; then 30 min paused (0 %): 100 mW × 1 800 000 ms
        // = 180 000 000 µJ = 0.00005 kWh. Total 0.00025 kWh.
        var counter = new EnergyCounter(new BoardPower("test board", 100, 300, "test"));
        var status = new MinerStatus();

        // Each call gives the duty the round that just ended ran at; the first only starts the count.
        counter.Advance(1_000, 0, status);
        counter.Advance(3_601_000, 50, status);
        Assert.Equal(720_000_000, status.EnergyMicroJoules);
        counter.Advance(5_401_000, 0, status);

        Assert.Equal(900_000_000, status.EnergyMicroJoules);
        JsonElement json = JsonDocument.Parse(DeviceMessages.Status("esp32-a", null, status)).RootElement;
        Assert.Equal(0.00025, json.GetProperty("energy_kwh").GetDouble(), 12);
    }

    [Fact]
    public void Without_the_boards_power_energy_kwh_is_null()
    {
        var counter = new EnergyCounter(null);
        var status = new MinerStatus();

        counter.Advance(0, 100, status);
        counter.Advance(60_000, 100, status);

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(DeviceMessages.Status("esp32-a", null, status)).RootElement.GetProperty("energy_kwh").ValueKind);
    }

    [Fact]
    public void The_energy_counted_is_at_the_draw_the_energy_rule_uses()
    {
        static string File(string energy) => $$"""
            { "version": 1, "deviceId": "esp32-e", "wifi": { "ssid": "HomeNet", "password": "correct horse" },
              "mqtt": { "host": "broker.lan" }, "energy": { {{energy}} } }
            """;

        // The owner's figures: 0.25 W idle, 1.5 W at full load.
        BoardPower? keys = PermitDecider.BoardDraw(FirmwareConfig.Parse(File("\"boardWatts\": 1.5, \"idleWatts\": 0.25"), "ESP32").EnergyPolicy);
        Assert.Equal((250, 1500), (keys?.IdleMilliwatts, keys?.FullLoadMilliwatts));

        // None given: the board table's row for the chip (an ESP32-S3 here), else its ESP32 row.
        BoardPower? s3 = PermitDecider.BoardDraw(FirmwareConfig.Parse(File(string.Empty), "ESP32-S3").EnergyPolicy);
        Assert.Equal(BoardPowerTable.Find("ESP32-S3")!.FullLoadMilliwatts, s3?.FullLoadMilliwatts);
        BoardPower? unknown = PermitDecider.BoardDraw(FirmwareConfig.Parse(File(string.Empty), null).EnergyPolicy);
        Assert.Equal(BoardPowerTable.Find("ESP32")!.FullLoadMilliwatts, unknown?.FullLoadMilliwatts);
        Assert.NotEqual(s3?.FullLoadMilliwatts, unknown?.FullLoadMilliwatts);
    }
}
