using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>Where a virtual ESP32 connects and how its simulated hardware behaves.</summary>
public sealed class VirtualEsp32Options
{
    /// <summary>Broker host (plain MQTT; the device's TLS is M2Mqtt's business on the board).</summary>
    public string BrokerHost { get; set; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>The device id (topics <c>iotminer/&lt;id&gt;/…</c>).</summary>
    public string DeviceId { get; set; } = "esp32-virtual";

    /// <summary>The owner's consent in the configuration file.</summary>
    public bool Consent { get; set; } = true;

    /// <summary>Simulated hash rate, H/s: the interpreter's ≈ 100 H/s times a factor so tests find shares quickly.</summary>
    public int HashesPerSecond { get; set; } = 1000;

    /// <summary>Ambient temperature, °C.</summary>
    public double AmbientC { get; set; } = 35;

    /// <summary>Die temperature rise at full load, °C.</summary>
    public double HeatAtFullLoadC { get; set; } = 15;

    /// <summary>Thermal time constant, s (short so tests see the effect within seconds).</summary>
    public double ThermalTauSeconds { get; set; } = 2;

    /// <summary>
    /// Extra JSON members for the <c>mining</c> section of the configuration, e.g. <c>"watchdogSeconds": 1</c>; the
    /// device builds its <c>I:\iotminer.json</c> text and parses it with the firmware's own reader.
    /// </summary>
    public string MiningJson { get; set; } = "\"statusIntervalSeconds\": 1, \"sliceNonces\": 16";

    /// <summary>
    /// Native sha256d engines the board offers (a custom nanoCLR image with firmware/Native); empty like a stock image.
    /// The firmware tries them at start and falls back to the managed engine.
    /// </summary>
    public ISliceHashEngine[] HashEngines { get; set; } = [];

    /// <summary>
    /// The members of a <c>duino</c> section (e.g. <c>"username": "alice", "pool": "127.0.0.1:2811"</c>): the device then
    /// mines from that Duino pool over <see cref="WifiLineLink"/>; null for a gateway device (the default).
    /// </summary>
    public string? DuinoJson { get; set; }

    /// <summary>False for a Duino device without a broker (no <c>mqtt</c> section); only with <see cref="DuinoJson"/>.</summary>
    public bool WithBroker { get; set; } = true;

    /// <summary>Extra JSON members for the <c>policy</c> section.</summary>
    public string PolicyJson { get; set; } = "\"targetTemperatureC\": 70, \"hardLimitC\": 80";

    /// <summary>The members of an <c>energy</c> section (e.g. <c>"mode": "profitable", "priceTopic": "home/price"</c>); null for none.</summary>
    public string? EnergyJson { get; set; }

    /// <summary>The chip the board reports (<c>ESP32</c>, <c>ESP32-S3</c>): the board table's power figures are the energy rule's defaults.</summary>
    public string ChipModel { get; set; } = "ESP32";
}
