using System;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Firmware.Api;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Nano.Hardware;
using nanoFramework.Runtime.Native;

namespace IotMinerAgent.Firmware.Nano
{
    /// <summary>
    /// The standalone miner image: reads I:\iotminer.json, builds the board's hardware and runs <see cref="IotMiner"/>.
    /// A dedicated board is never "busy"; a smart device's own firmware uses the same API (see Samples/SmartLamp).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            FirmwareConfig config;
            try
            {
                // The chip picks the board table's power figures for the energy rule (energy.boardWatts overrides them).
                config = FirmwareConfig.Parse(new LittleFsConfigStorage().ReadConfigText(), ChipModel.FromTargetName(SystemInfo.TargetName));
            }
            catch (Exception exception)
            {
                // Without a usable configuration there is no broker to report to: say why on the debug port and wait
                // for a new file (tools/flash --from-step 3) instead of a reboot loop.
                Debug.WriteLine("iotminer: " + exception.Message);
                Thread.Sleep(Timeout.Infinite);
                return;
            }

            IotMiner miner = new IotMiner(config, NanoBoard.Build(config));
            miner.SetBusy(false);
            miner.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
