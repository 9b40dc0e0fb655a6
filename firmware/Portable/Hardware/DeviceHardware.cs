using System;
using IotMinerAgent.Firmware.Mining;

namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>Everything the firmware touches on the board, behind small interfaces (the dotnet/iot way).</summary>
    public sealed class DeviceHardware
    {
        /// <summary>Bundles the hardware; none may be null.</summary>
        public DeviceHardware(IDeviceClock clock, ITemperatureSensor temperature, IFreeMemory memory, IWifiLink wifi, IMqttLink mqtt, IDeviceRestart restart, ICpuPace cpu)
        {
            if (clock == null || temperature == null || memory == null || wifi == null || mqtt == null || restart == null || cpu == null)
            {
                throw new ArgumentNullException("hardware", "Every piece of hardware is required: clock, temperature, memory, wifi, mqtt, restart and cpu.");
            }

            Clock = clock;
            Temperature = temperature;
            Memory = memory;
            Wifi = wifi;
            Mqtt = mqtt;
            Restart = restart;
            Cpu = cpu;
        }

        /// <summary>Clock.</summary>
        public IDeviceClock Clock { get; private set; }

        /// <summary>Internal temperature sensor.</summary>
        public ITemperatureSensor Temperature { get; private set; }

        /// <summary>Free heap.</summary>
        public IFreeMemory Memory { get; private set; }

        /// <summary>Wi-Fi link.</summary>
        public IWifiLink Wifi { get; private set; }

        /// <summary>MQTT link.</summary>
        public IMqttLink Mqtt { get; private set; }

        /// <summary>Reboot.</summary>
        public IDeviceRestart Restart { get; private set; }

        /// <summary>Hashing pace.</summary>
        public ICpuPace Cpu { get; private set; }

        /// <summary>
        /// Native sha256d engines to try at start, fastest first (a custom nanoCLR image with firmware/Native); the first
        /// that passes its self-test hashes, else the managed engine. Empty by default: a stock image has none.
        /// </summary>
        public ISliceHashEngine[] HashEngines { get; set; } = new ISliceHashEngine[0];

        /// <summary>
        /// The TCP link to a Duino pool, needed in Duino mode (a <c>duino</c> section in the configuration); null on a board
        /// that only takes work from a gateway.
        /// </summary>
        public ITcpLineLink? PoolLink { get; set; }

        /// <summary>
        /// A stable id of the chip (hex; the ESP32's MAC address on the device), sent to a Duino pool as
        /// <c>DUCOID&lt;chip id&gt;</c>: the pools want one id per board. Empty when unknown.
        /// </summary>
        public string ChipId { get; set; } = string.Empty;
    }
}
