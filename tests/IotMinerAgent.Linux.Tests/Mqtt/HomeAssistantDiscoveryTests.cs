using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>Checks the discovery payload against Home Assistant's MQTT discovery rules (Home Assistant's MQTT discovery documentation, home-assistant.io/integrations/mqtt).</summary>
public sealed partial class HomeAssistantDiscoveryTests
{
    static readonly MqttTopics s_topics = new("pi-garage");

    // Sensor device classes and the units Home Assistant accepts for them (homeassistant/components/sensor/const.py).
    static readonly Dictionary<string, string[]> s_unitsOfDeviceClass = new()
    {
        ["temperature"] = ["°C", "°F", "K"],
        ["duration"] = ["d", "h", "min", "s", "ms"],

        // developers.home-assistant.io, Sensor entity, device class ENERGY: "J, kJ, MJ, GJ, mWh, Wh, kWh, MWh, GWh, TWh,
        // cal, kcal, Mcal, Gcal"; its state class must be total or total_increasing (measurement is refused).
        ["energy"] = ["J", "kJ", "MJ", "GJ", "mWh", "Wh", "kWh", "MWh", "GWh", "TWh", "cal", "kcal", "Mcal", "Gcal"],
    };

    // With energy:currency set, so every rule below also checks the energy cost entity.
    static JsonObject Payload() => HomeAssistantDiscovery.Build(s_topics, "0.1.0", "EUR");

    static IEnumerable<JsonObject> Components() => Payload()["cmps"]!.AsObject().Select(c => c.Value!.AsObject());

    [Fact]
    public void Device_block_and_origin_have_the_required_keys()
    {
        JsonObject payload = Payload();

        Assert.NotEmpty(payload["dev"]!["ids"]!.AsArray());
        Assert.False(string.IsNullOrEmpty((string?)payload["dev"]!["name"]));
        Assert.False(string.IsNullOrEmpty((string?)payload["o"]!["name"]));
        Assert.Equal("0.1.0", (string?)payload["dev"]!["sw"]);
    }

    [Fact]
    public void Every_component_has_platform_unique_id_and_its_platform_keys()
    {
        foreach (JsonObject component in Components())
        {
            string platform = (string)component["p"]!;
            Assert.Contains(platform, new[] { "sensor", "switch", "number" });
            Assert.Matches(IdPattern(), (string)component["unique_id"]!);
            Assert.Equal(s_topics.Status, (string?)component["state_topic"]);
            if (platform is "switch" or "number")
            {
                Assert.NotNull(component["command_topic"]);
            }

            if (platform == "number")
            {
                Assert.True((double)component["min"]! < (double)component["max"]!);
                Assert.True((double)component["step"]! > 0);
                Assert.Contains((string)component["mode"]!, new[] { "auto", "box", "slider" });
            }
        }
    }

    [Fact]
    public void Unique_ids_are_unique()
    {
        string[] ids = Components().Select(c => (string)c["unique_id"]!).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void The_required_entities_exist()
    {
        var byKey = Payload()["cmps"]!.AsObject().ToDictionary(c => c.Key, c => (string)c.Value!["p"]!);

        foreach (string sensor in new[] { "hashrate", "temperature", "duty", "accepted", "rejected", "best_difficulty", "uptime" })
        {
            Assert.Equal("sensor", byKey[sensor]);
        }

        Assert.Equal("switch", byKey["mining"]);
        Assert.Equal("number", byKey["target_temperature"]);
        Assert.Equal("number", byKey["max_duty"]);
    }

    [Fact]
    public void Command_topics_are_commands_the_agent_accepts_and_numbers_match_its_limits()
    {
        foreach (JsonObject component in Components().Where(c => c["command_topic"] is not null))
        {
            string? name = s_topics.CommandNameOf((string)component["command_topic"]!);
            Assert.Contains(name, CommandNames.All);
            if ((string)component["p"]! == "number")
            {
                string min = ((double)component["min"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string max = ((double)component["max"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.NotNull(CommandParser.Parse(name!, System.Text.Encoding.UTF8.GetBytes(min), 4).Command);
                Assert.NotNull(CommandParser.Parse(name!, System.Text.Encoding.UTF8.GetBytes(max), 4).Command);
            }
        }
    }

    [Fact]
    public void Templates_read_fields_the_status_message_has()
    {
        foreach (JsonObject component in Components())
        {
            foreach (Match field in TemplateField().Matches((string)component["value_template"]!))
            {
                Assert.Contains(field.Groups[1].Value, ContractMessageTests.StatusKeys);
            }
        }
    }

    [Fact]
    public void Availability_is_wired_to_the_last_will_topic()
    {
        foreach (JsonObject component in Components())
        {
            Assert.Equal(s_topics.Availability, (string?)component["availability_topic"]);
            Assert.Equal(MqttContract.Online, (string?)component["payload_available"]);
            Assert.Equal(MqttContract.Offline, (string?)component["payload_not_available"]);
        }
    }

    [Fact]
    public void Sensors_have_state_classes_and_units_that_fit_their_device_classes()
    {
        foreach (JsonObject sensor in Components().Where(c => (string)c["p"]! == "sensor" && !s_textSensors.Contains((string)c["unique_id"]!)))
        {
            Assert.Contains((string)sensor["state_class"]!, new[] { "measurement", "total", "total_increasing" });
            if ((string?)sensor["device_class"] == "monetary")
            {
                // developers.home-assistant.io, Sensor entity, device class MONETARY: the unit is an ISO 4217 currency
                // code and the only state class allowed is total.
                Assert.Matches("^[A-Z]{3}$", (string)sensor["unit_of_measurement"]!);
                Assert.Equal("total", (string?)sensor["state_class"]);
            }
            else if (sensor["device_class"] is JsonNode deviceClass)
            {
                Assert.Contains((string)sensor["unit_of_measurement"]!, s_unitsOfDeviceClass[(string)deviceClass!]);
            }
        }

        var energy = Payload()["cmps"]!["energy"]!;
        Assert.Equal("energy", (string?)energy["device_class"]);
        Assert.Equal("total_increasing", (string?)energy["state_class"]);
        Assert.Equal("kWh", (string?)energy["unit_of_measurement"]);
        Assert.Equal("{{ value_json.energy_kwh }}", (string?)energy["value_template"]);

        var hashrate = Payload()["cmps"]!["hashrate"]!;
        Assert.Equal("H/s", (string?)hashrate["unit_of_measurement"]);
        Assert.Equal("total_increasing", (string?)Payload()["cmps"]!["accepted"]!["state_class"]);
    }

    [Fact]
    public void The_energy_cost_is_a_monetary_total_in_the_configured_currency_and_only_with_one()
    {
        JsonNode cost = Payload()["cmps"]!["energy_cost"]!;
        Assert.Equal("sensor", (string?)cost["p"]);
        Assert.Equal("monetary", (string?)cost["device_class"]);
        Assert.Equal("total", (string?)cost["state_class"]);
        Assert.Equal("EUR", (string?)cost["unit_of_measurement"]);
        Assert.Equal("{{ value_json.energy_cost }}", (string?)cost["value_template"]);
        Assert.Equal("CHF", (string?)HomeAssistantDiscovery.Build(s_topics, "0.1.0", "CHF")["cmps"]!["energy_cost"]!["unit_of_measurement"]);

        // Without energy:currency a monetary sensor would have no valid unit: no entity at all.
        Assert.False(HomeAssistantDiscovery.Build(s_topics, "0.1.0")["cmps"]!.AsObject().ContainsKey("energy_cost"));
    }

    // Text sensors (algorithm, pool, Duino tier) have no state class: Home Assistant would expect numbers of one.
    static readonly string[] s_textSensors = ["iotminer_pi-garage_algorithm", "iotminer_pi-garage_pool", "iotminer_pi-garage_tier"];

    [Fact]
    public void Algorithm_pool_and_tier_are_text_sensors_without_state_class_or_unit()
    {
        foreach (string key in new[] { "algorithm", "pool", "tier" })
        {
            JsonNode sensor = Payload()["cmps"]![key]!;
            Assert.Equal("sensor", (string?)sensor["p"]);
            Assert.Null(sensor["state_class"]);
            Assert.Null(sensor["unit_of_measurement"]);
        }

        Assert.Equal("{{ value_json.tier }}", (string?)Payload()["cmps"]!["tier"]!["value_template"]);
    }

    [Fact]
    public void Payload_is_valid_json_with_the_device_topic()
    {
        using JsonDocument document = JsonDocument.Parse(Payload().ToJsonString());

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Equal("homeassistant/device/pi-garage/config", s_topics.HomeAssistantDiscovery);
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"value_json\.([a-z_]+)")]
    private static partial Regex TemplateField();
}
