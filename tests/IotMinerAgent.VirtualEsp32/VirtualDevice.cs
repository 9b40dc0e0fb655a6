using System;
using IotMinerAgent.Firmware.Api;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Status;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>
/// One virtual ESP32: the firmware's <see cref="IotMiner"/> on simulated hardware, configured from a generated
/// <c>I:\iotminer.json</c> (parsed by the firmware's own reader) and connected to any broker.
/// </summary>
public sealed class VirtualDevice : IDisposable
{
    VirtualDevice(VirtualEsp32Options options)
    {
        Options = options;
        Clock = new VirtualClock();
        Cpu = new VirtualCpu(options.HashesPerSecond);
        Thermal = new VirtualThermal(Cpu, Clock, options.AmbientC, options.HeatAtFullLoadC, options.ThermalTauSeconds);
        Heap = new VirtualHeap();
        Wifi = new VirtualWifi();
        Restart = new VirtualRestart();
        Link = new MqttNetLink(options.BrokerHost, options.BrokerPort, Wifi);
        ConfigText = BuildConfigText(options);
        Config = FirmwareConfig.Parse(ConfigText, options.ChipModel);
        PoolLink = new WifiLineLink(Wifi);
        IMqttLink broker = Config.HasBroker ? Link : new NoBrokerLink();
        Miner = new IotMiner(Config, new DeviceHardware(Clock, Thermal, Heap, Wifi, broker, Restart, Cpu)
        {
            HashEngines = options.HashEngines,
            PoolLink = Config.Duino is null ? null : PoolLink,
            ChipId = ChipIdOf(options.DeviceId),
        });
    }

    /// <summary>How it was built.</summary>
    public VirtualEsp32Options Options { get; }

    /// <summary>The configuration file's text.</summary>
    public string ConfigText { get; }

    /// <summary>The parsed configuration.</summary>
    public FirmwareConfig Config { get; }

    /// <summary>The manufacturer API, as a product would hold it.</summary>
    public IotMiner Miner { get; }

    /// <summary>Clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>The hashing core (rate, stalls).</summary>
    public VirtualCpu Cpu { get; }

    /// <summary>The thermal model.</summary>
    public VirtualThermal Thermal { get; }

    /// <summary>Free heap.</summary>
    public VirtualHeap Heap { get; }

    /// <summary>Wi-Fi (drop, restore).</summary>
    public VirtualWifi Wifi { get; }

    /// <summary>Reboot requests.</summary>
    public VirtualRestart Restart { get; }

    /// <summary>The MQTT link (not used by a Duino device without a broker).</summary>
    public MqttNetLink Link { get; }

    /// <summary>The Duino pool link (used only with <see cref="VirtualEsp32Options.DuinoJson"/>).</summary>
    public WifiLineLink PoolLink { get; }

    /// <summary>The miner's status now.</summary>
    public MinerStatus Status => Miner.Status;

    /// <summary>Builds a device (not started).</summary>
    public static VirtualDevice Create(VirtualEsp32Options options) => new(options);

    /// <summary>Starts the firmware with the configured policy.</summary>
    public VirtualDevice Start()
    {
        Miner.Start();
        return this;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cpu.Release();
        Miner.Stop();
        Link.Dispose();
        PoolLink.Dispose();
    }

    /// <summary>A stable stand-in for the ESP32's eFuse MAC: the first 6 bytes of SHA-1(device id), 12 hex digits.</summary>
    public static string ChipIdOf(string deviceId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(deviceId)).AsSpan(0, 6));

    static string BuildConfigText(VirtualEsp32Options o) => $$"""
        {
          "version": 1,
          "deviceId": "{{o.DeviceId}}",
          "consent": {{(o.Consent ? "true" : "false")}},
          "wifi": { "ssid": "virtual-ap", "password": "virtual-pass" },
          {{(o.WithBroker ? $"\"mqtt\": {{ \"host\": \"{o.BrokerHost}\", \"port\": {o.BrokerPort}, \"tls\": false, \"keepAliveSeconds\": 5 }}," : string.Empty)}}
          {{(o.DuinoJson is null ? string.Empty : $"\"duino\": {{ {o.DuinoJson} }},")}}
          "policy": { {{o.PolicyJson}} },
          {{(o.EnergyJson is null ? string.Empty : $"\"energy\": {{ {o.EnergyJson} }},")}}
          "mining": { {{o.MiningJson}} }
        }
        """;
}
