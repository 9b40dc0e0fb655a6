using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
#if IOTMINER_NATIVE
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Nano.Native;
#endif

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>The ESP32 board's hardware, wired from the configuration; shared by the firmware image and product firmwares.</summary>
    public static class NanoBoard
    {
        /// <summary>The ESP32's hardware for <paramref name="config"/>.</summary>
        public static DeviceHardware Build(FirmwareConfig config)
        {
            DeviceHardware hardware = new DeviceHardware(
                new NanoClock(),
                new AdcTemperatureSensor(),
                new NanoFreeMemory(),
                new NanoWifiLink(config.WifiSsid, config.WifiPassword),
                BrokerLink(config),
                new NanoRestart(),
                new InterpreterPace());
            if (config.Duino != null)
            {
                hardware.PoolLink = new SocketLineLink();
                hardware.ChipId = NanoChipId.Read();
            }

#if IOTMINER_NATIVE
            // A custom nanoCLR image with firmware/Native: the firmware self-tests it at start and falls back if it fails.
            hardware.HashEngines = new ISliceHashEngine[] { new NativeSliceEngine() };
#endif
            return hardware;
        }

        // A Duino board may have no broker: then no MQTT client is built for a host that does not exist.
        private static IMqttLink BrokerLink(FirmwareConfig config)
        {
            if (!config.HasBroker)
            {
                return new NoBrokerLink();
            }

            byte[]? ca = config.MqttTls && config.MqttCaFile.Length > 0 ? LittleFsConfigStorage.ReadFile(config.MqttCaFile) : null;
            return new M2MqttLink(config.MqttHost, config.MqttPort, config.MqttTls, ca, config.MqttUsername, config.MqttPassword);
        }
    }
}
