using System.Text.Json.Nodes;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>
/// Home Assistant device-based MQTT discovery (<c>homeassistant/device/&lt;device_id&gt;/config</c>, retained; re-sent
/// when <c>homeassistant/status</c> turns <c>online</c>): one device with its sensors, the mining switch and the
/// two limit numbers, all reading the retained <c>status</c> and marked unavailable by the last will.
/// </summary>
/// <remarks>
/// Units, device classes and state classes follow the Home Assistant sensor rules so long-term statistics and
/// history graphs work: measurements use <c>measurement</c>, the share counters <c>total_increasing</c> (they only
/// reset when the agent restarts, which Home Assistant treats as a new cycle).
/// </remarks>
public static class HomeAssistantDiscovery
{
    /// <summary>Origin name shown by Home Assistant for discovered entities.</summary>
    public const string OriginName = "IotMinerAgent";

    /// <summary>Builds the discovery payload of <paramref name="topics"/>' device.</summary>
    /// <param name="topics">The device's topics.</param>
    /// <param name="version">Agent version (device <c>sw_version</c> and origin <c>sw_version</c>).</param>
    /// <param name="currency">The ISO 4217 code of <c>energy:currency</c>; the energy cost entity exists only with it.</param>
    public static JsonObject Build(MqttTopics topics, string version, string? currency = null)
    {
        string id = topics.DeviceIdValue;
        var components = new JsonObject
        {
            ["hashrate"] = Sensor(topics, "hashrate", "Hashrate", "{{ value_json.hashrate_hs }}", "H/s", null, "measurement", "mdi:pickaxe"),
            ["temperature"] = Sensor(topics, "temperature", "Temperature", "{{ value_json.temperature_c }}", "°C", "temperature", "measurement", null),
            ["duty"] = Sensor(topics, "duty", "Duty cycle", "{{ value_json.duty_percent }}", "%", null, "measurement", "mdi:gauge"),
            ["accepted"] = Sensor(topics, "accepted", "Accepted shares", "{{ value_json.accepted }}", null, null, "total_increasing", "mdi:check-circle-outline"),
            ["rejected"] = Sensor(topics, "rejected", "Rejected shares", "{{ value_json.rejected }}", null, null, "total_increasing", "mdi:close-circle-outline"),
            ["best_difficulty"] = Sensor(topics, "best_difficulty", "Best difficulty", "{{ value_json.best_difficulty }}", null, null, "measurement", "mdi:trophy-outline"),
            ["uptime"] = Sensor(topics, "uptime", "Uptime", "{{ value_json.uptime_s }}", "s", "duration", "measurement", null),
            ["algorithm"] = TextSensor(topics, "algorithm", "Algorithm", "{{ value_json.algo }}", "mdi:function-variant"),
            ["pool"] = TextSensor(topics, "pool", "Pool", "{{ value_json.pool }}", "mdi:server-network"),
            ["tier"] = TextSensor(topics, "tier", "Difficulty tier", "{{ value_json.tier }}", "mdi:stairs"),

            // Home Assistant's energy dashboard takes a sensor with device_class energy, a kWh (or Wh) unit and state_class
            // total_increasing (a reset at restart starts a new cycle): developers.home-assistant.io, "Sensor entity".
            ["energy"] = Sensor(topics, "energy", "Energy", "{{ value_json.energy_kwh }}", "kWh", "energy", "total_increasing", null),
            ["mining"] = MiningSwitch(topics),
            ["target_temperature"] = Number(topics, "target_temperature", "Target temperature", CommandNames.TargetTemperature,
                "{{ value_json.target_temperature_c }}", CommandLimits.MinTargetTemperatureC, CommandLimits.MaxTargetTemperatureC, 0.5, "°C", "temperature", "box"),
            ["max_duty"] = Number(topics, "max_duty", "Max duty cycle", CommandNames.MaxDuty,
                "{{ value_json.max_duty_percent }}", CommandLimits.MinMaxDutyPercent, CommandLimits.MaxMaxDutyPercent, 1, "%", null, "slider"),
        };

        if (currency is not null)
        {
            // A monetary sensor's unit must be an ISO 4217 code and its state class total (not total_increasing: a
            // negative price lowers the sum): developers.home-assistant.io, "Sensor entity", device class MONETARY.
            components["energy_cost"] = Sensor(topics, "energy_cost", "Energy cost", "{{ value_json.energy_cost }}", currency, "monetary", "total", null);
        }

        return new JsonObject
        {
            ["dev"] = new JsonObject
            {
                ["ids"] = new JsonArray(UniqueId(id, "device")),
                ["name"] = $"IotMiner {id}",
                ["mf"] = "IotMinerAgent",
                ["mdl"] = "iotminer (Linux)",
                ["sw"] = version,
            },
            ["o"] = new JsonObject { ["name"] = OriginName, ["sw"] = version },
            ["qos"] = 1,
            ["cmps"] = components,
        };
    }

    /// <summary>The unique id of component <paramref name="key"/> of device <paramref name="deviceId"/>.</summary>
    public static string UniqueId(string deviceId, string key) => $"iotminer_{deviceId}_{key}";

    static JsonObject Sensor(MqttTopics topics, string key, string name, string template, string? unit, string? deviceClass, string stateClass, string? icon)
    {
        JsonObject sensor = Component(topics, "sensor", key, name, template);
        sensor["state_class"] = stateClass;
        Optional(sensor, "unit_of_measurement", unit);
        Optional(sensor, "device_class", deviceClass);
        Optional(sensor, "icon", icon);
        return sensor;
    }

    // A text sensor: no state class (Home Assistant keeps no statistics of text), shown as unknown while null.
    static JsonObject TextSensor(MqttTopics topics, string key, string name, string template, string icon)
    {
        JsonObject sensor = Component(topics, "sensor", key, name, template);
        sensor["icon"] = icon;
        return sensor;
    }

    static JsonObject MiningSwitch(MqttTopics topics)
    {
        JsonObject mining = Component(topics, "switch", "mining", "Mining", "{{ 'ON' if value_json.mining_enabled else 'OFF' }}");
        mining["command_topic"] = topics.Command(CommandNames.Mining);
        mining["payload_on"] = CommandNames.On;
        mining["payload_off"] = CommandNames.Off;
        mining["state_on"] = CommandNames.On;
        mining["state_off"] = CommandNames.Off;
        mining["icon"] = "mdi:pickaxe";
        return mining;
    }

    static JsonObject Number(MqttTopics topics, string key, string name, string command, string template, double min, double max, double step, string unit, string? deviceClass, string mode)
    {
        JsonObject number = Component(topics, "number", key, name, template);
        number["command_topic"] = topics.Command(command);
        number["min"] = min;
        number["max"] = max;
        number["step"] = step;
        number["mode"] = mode;
        number["unit_of_measurement"] = unit;
        number["entity_category"] = "config";
        Optional(number, "device_class", deviceClass);
        return number;
    }

    static JsonObject Component(MqttTopics topics, string platform, string key, string name, string template) => new()
    {
        ["p"] = platform,
        ["name"] = name,
        ["unique_id"] = UniqueId(topics.DeviceIdValue, key),
        ["state_topic"] = topics.Status,
        ["value_template"] = template,
        ["availability_topic"] = topics.Availability,
        ["payload_available"] = MqttContract.Online,
        ["payload_not_available"] = MqttContract.Offline,
    };

    static void Optional(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
