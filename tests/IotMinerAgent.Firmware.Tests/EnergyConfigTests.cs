using System;
using System.Linq;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// The <c>energy</c> section of I:\iotminer.json: the Linux agent's keys with the agent's defaults and messages (one
/// portable reader, <see cref="EnergySettings"/>), and the board table's power for the chip.
/// </summary>
public sealed class EnergyConfigTests
{
    static string File(string energy, bool broker = true) => $$"""
        {
          "version": 1,
          "deviceId": "esp32-energy",
          "wifi": { "ssid": "HomeNet", "password": "correct horse" },
          {{(broker ? "\"mqtt\": { \"host\": \"broker.lan\" }," : "\"duino\": { \"username\": \"alice\", \"pool\": \"127.0.0.1:2811\" },")}}
          "energy": { {{energy}} }
        }
        """;

    static string[] Errors(string energy, bool broker = true) =>
        Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(File(energy, broker), "ESP32")).Errors;

    [Fact]
    public void Without_the_section_energy_never_limits_and_every_default_is_the_agents()
    {
        FirmwareConfig config = FirmwareConfig.Parse(File(string.Empty), "ESP32");

        Assert.Equal(EnergyMode.Always, config.EnergyPolicy.Mode);
        Assert.Equal((300, 3600, UnknownEnergyAction.Pause, (string?)null, "¤"),
            (config.Energy.MinSwitchSeconds, config.Energy.TopicTimeoutSeconds, config.Energy.UnknownAction, config.Energy.Currency, config.EnergyPolicy.Currency));
        Assert.Empty(config.Energy.Topics());
    }

    [Fact]
    public void The_owners_units_become_fixed_point_and_the_chip_gives_the_board_power()
    {
        FirmwareConfig config = FirmwareConfig.Parse(File("""
            "mode": "Profitable", "margin": 0.2, "pricePerKwh": "0.41", "tariff": "07:00-22:00=0.41, 22:00-07:00=0.19",
            "priceTopic": "home/price", "coinPriceTopic": "home/coin", "surplusTopic": "home/price", "dailyKwh": 0.05,
            "minSwitchSeconds": 60, "topicTimeout": 120, "unknownAction": "mine"
            """), "ESP32-S3");

        EnergyPolicy policy = config.EnergyPolicy;
        // 0.2 → 200 ‰; 0.41 €/kWh → 410 000 000 n€/kWh; 0.05 kWh → 50 000 mWh.
        Assert.Equal((EnergyMode.Profitable, 200, 410_000_000L, 50_000L), (policy.Mode, policy.MarginPermille, policy.FlatPriceNanoPerKwh, policy.DailyBudgetMilliWh));
        Assert.Equal(["07:00-22:00=0.41", "22:00-07:00=0.19"], policy.Tariff.Select(t => t.ToString()));
        Assert.Equal((60, UnknownEnergyAction.Mine, 120), (policy.MinSwitchSeconds, policy.UnknownAction, config.Energy.TopicTimeoutSeconds));
        // ESP32-S3 datasheet: 66.2 mA × 3.3 V = 218.46 mW → 218 mW mining; 32.9 mA × 3.3 V = 108.57 mW → 109 mW idle.
        Assert.Equal((218, 109), (policy.BoardMilliW, policy.IdleMilliW));
        // Each topic once, even when two keys name the same one.
        Assert.Equal(["home/price", "home/coin"], config.Energy.Topics());
    }

    [Fact]
    public void The_owners_watts_replace_the_table()
    {
        FirmwareConfig config = FirmwareConfig.Parse(File("\"mode\": \"budget\", \"dailyKwh\": 0.01, \"boardWatts\": 1.25, \"idleWatts\": \"0.5\""), "ESP32");

        Assert.Equal((1250, 500), (config.EnergyPolicy.BoardMilliW, config.EnergyPolicy.IdleMilliW));
    }

    // The agent's messages (tests/IotMinerAgent.Linux.Tests/Energy/EnergyRuleOptionsTests and ConfigurationErrorTests
    // assert the same texts): a JSON number and a JSON string both reach the reader as the text written.
    [Theory]
    [InlineData("mode", "\"sometimes\"", "energy:mode = 'sometimes' is invalid; allowed: always, profitable, surplus or budget")]
    [InlineData("margin", "-0.1", "energy:margin = '-0.1' is invalid; allowed: a fraction from 0 to 10 (0.2 = earnings must beat the cost by 20 %)")]
    [InlineData("pricePerKwh", "\"cheap\"", "energy:pricePerKwh = 'cheap' is invalid; allowed: a price per kWh in the currency, e.g. 0.41")]
    [InlineData("tariff", "\"22:00-07:00\"", "energy:tariff entry '22:00-07:00' is invalid; allowed: HH:MM-HH:MM=price on a 24-hour clock, entries separated by commas, e.g. 07:00-22:00=0.41,22:00-07:00=0.19")]
    [InlineData("priceTopic", "\"home/+/price\"", "energy:priceTopic = 'home/+/price' is invalid; allowed: one MQTT topic name without the wildcards '+' and '#', e.g. homeassistant/sensor/electricity_price/state")]
    [InlineData("coinPrice", "-1", "energy:coinPrice = '-1' is invalid; allowed: the coin's price in the currency, e.g. 0.00035")]
    [InlineData("dailyKwh", "20000", "energy:dailyKwh = '20000' is invalid; allowed: kWh from 0 to 10000, e.g. 0.05")]
    [InlineData("unknownAction", "\"guess\"", "energy:unknownAction = 'guess' is invalid; allowed: pause or mine")]
    [InlineData("minSwitchSeconds", "1.5", "energy:minSwitchSeconds = '1.5' is invalid; allowed: a whole number from 0 to 86400")]
    [InlineData("topicTimeout", "\"forever\"", "energy:topicTimeout = 'forever' is invalid; allowed: a whole number from 0 to 604800")]
    [InlineData("mode", "true", "energy:mode = 'true' is invalid; allowed: always, profitable, surplus or budget")]
    [InlineData("tariff", "[]", "energy:tariff entry 'an array' is invalid; allowed: HH:MM-HH:MM=price on a 24-hour clock, entries separated by commas, e.g. 07:00-22:00=0.41,22:00-07:00=0.19")]
    [InlineData("boardWatts", "0", "energy:boardWatts = 0 is out of range: use watts above 0 and up to 10000 (the board's draw while mining on all cores), or leave it empty for the board table.")]
    [InlineData("idleWatts", "-1", "energy:idleWatts = -1 is out of range: use watts from 0 to 10000 (the board's draw when not mining), or leave it empty for the board table.")]
    public void A_bad_value_gets_the_linux_agents_message(string key, string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(Errors($"\"{key}\": {json}")));
    }

    [Fact]
    public void Idle_watts_above_board_watts_is_refused_as_on_the_agent()
    {
        // tests/IotMinerAgent.Linux.Tests/Agent/ConfigurationErrorTests: "energy:idleWatts = 6 is above energy:boardWatts = 5".
        Assert.Equal("energy:idleWatts = 6 is above energy:boardWatts = 5: the idle draw must be at most the draw while mining.",
            Assert.Single(Errors("\"boardWatts\": 5, \"idleWatts\": 6")));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_a_mode_without_its_inputs_names_the_missing_key()
    {
        string[] errors = Errors("\"mode\": \"surplus\", \"margin\": 11, \"colour\": \"red\"");

        Assert.Contains("energy.colour is not a known key", errors[0]);
        Assert.Contains("energy:margin = '11' is invalid; allowed: a fraction from 0 to 10", errors[1]);
        Assert.Equal("energy:mode = surplus needs energy:surplusTopic (an MQTT topic carrying exported watts, positive = exporting)", errors[2]);

        string[] noPrice = Errors("\"mode\": \"profitable\"");
        Assert.Equal("energy:mode = profitable needs an energy price: set energy:pricePerKwh, energy:tariff or energy:priceTopic.", Assert.Single(noPrice));
    }

    [Fact]
    public void A_chip_not_in_the_board_table_needs_board_watts()
    {
        var error = Assert.Throws<FirmwareConfigException>(() => FirmwareConfig.Parse(File("\"mode\": \"budget\", \"dailyKwh\": 0.01"), "ESP32-C3"));

        Assert.Equal("energy:mode = budget needs the board's power: set energy:boardWatts (watts mining at full duty). " +
            "The board's power is unknown: chip ESP32-C3 is not in the board table (docs/board-power.md).", Assert.Single(error.Errors));
    }

    [Fact]
    public void Topics_need_a_broker()
    {
        string[] errors = Errors("\"priceTopic\": \"home/price\"", broker: false);

        Assert.Equal("energy:priceTopic is set but there is no broker; topics arrive over the board's MQTT connection: add an \"mqtt\" section with the broker that carries them",
            Assert.Single(errors));
    }

    [Fact]
    public void The_key_list_tools_flash_checks_against_has_the_agents_energy_keys()
    {
        Assert.Equal(EnergySettings.KeyNames().Select(k => "energy." + k), FirmwareConfig.Keys().Where(k => k.StartsWith("energy.", StringComparison.Ordinal)));
        Assert.Contains("mode", EnergySettings.KeyNames());
    }

    [Theory]
    [InlineData("ESP32_REV3", "ESP32")]
    [InlineData("ESP32_PSRAM_REV0", "ESP32")]
    [InlineData("ESP32_S3_ALL", "ESP32-S3")]
    [InlineData("ESP32_C3", "ESP32-C3")]
    [InlineData("M5Core2", null)]
    public void The_images_target_name_gives_the_chip_of_the_board_table(string target, string? chip)
    {
        Assert.Equal(chip, Hardware.ChipModel.FromTargetName(target));
    }
}
