using System;
using System.Collections.Generic;
using IotMinerAgent.Firmware.Config;

namespace IotMinerAgent.Flash.Config;

/// <summary>
/// Runs the firmware's own configuration reader (<c>FirmwareConfig.Parse</c>, compiled from firmware/Portable) on the
/// text the tool is about to write, so the ranges and messages of the keys the board reads exist in one place and a
/// file the board would refuse is never flashed.
/// </summary>
internal static class FirmwareReaderCheck
{
    /// <summary>
    /// The firmware's problems with every key the tool does not check itself. The tool-checked keys (device id, Wi-Fi,
    /// broker address and credentials) are replaced by valid stand-ins, so each of their problems is reported once,
    /// by the tool, in terms of the tool's input (byte counts, CA file on this machine).
    /// </summary>
    public static IEnumerable<string> DeviceKeyProblems(DeviceConfig config) =>
        Problems(config with
        {
            DeviceId = "probe",
            Wifi = new WifiSettings("probe", string.Empty),
            Mqtt = new MqttSettings("probe", 1883, false, null, null, null),
        });

    /// <summary>The firmware's problems with the file exactly as it will be written (none, once the other checks pass).</summary>
    public static IEnumerable<string> FileProblems(DeviceConfig config) => Problems(config);

    private static IEnumerable<string> Problems(DeviceConfig config)
    {
        try
        {
            FirmwareConfig.Parse(DeviceConfigFiles.RenderJson(config));
            return Array.Empty<string>();
        }
        catch (FirmwareConfigException e)
        {
            return e.Errors;
        }
    }
}
