using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>The ESP32 board's hardware, wired from the configuration; shared by the firmware image and product firmwares.</summary>
    public static class NanoBoard
    {
        /// <summary>The ESP32's hardware for <paramref name="config"/>.</summary>
        public static DeviceHardware Build(FirmwareConfig config)
        {
            byte[]? ca = config.MqttTls && config.MqttCaFile.Length > 0 ? LittleFsConfigStorage.ReadFile(config.MqttCaFile) : null;
            return new DeviceHardware(
                new NanoClock(),
                new AdcTemperatureSensor(),
                new NanoFreeMemory(),
                new NanoWifiLink(config.WifiSsid, config.WifiPassword),
                new M2MqttLink(config.MqttHost, config.MqttPort, config.MqttTls, ca, config.MqttUsername, config.MqttPassword),
                new NanoRestart(),
                new InterpreterPace());
        }
    }
}
