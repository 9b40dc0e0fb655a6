using System.CommandLine;

namespace IotMinerAgent.Flash.Cli;

/// <summary>The options the verbs share, one factory each so every verb describes them the same way.</summary>
public static class FlashOptions
{
    /// <summary>Default output directory for app.bin, the device files and the manifest.</summary>
    public const string DefaultOutput = "iotminer-flash-out";

    /// <summary><c>--target</c>.</summary>
    public static Option<string> Target() => new("--target")
    {
        Description = "Firmware target, as nanoff names it: ESP32_REV0, ESP32_REV3, ESP32_PSRAM_REV3, ESP32_S3, ESP32_C3, ...",
        Required = true,
    };

    /// <summary><c>--port</c>.</summary>
    public static Option<string?> Port() => new("--port")
    {
        Description = "Serial port of the board, e.g. /dev/ttyUSB0; found automatically when exactly one is plugged in",
    };

    /// <summary><c>--app</c>.</summary>
    public static Option<string> App() => new("--app")
    {
        Description = "The application's .pe file (written last in the image)",
        Required = true,
    };

    /// <summary><c>--pe</c>.</summary>
    public static Option<string[]> Pe() => new("--pe")
    {
        Description = "Referenced .pe files or directories of them (mscorlib.pe required; others keep the order given)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--config</c>.</summary>
    public static Option<string?> Config() => new("--config")
    {
        Description = "Device configuration JSON (deviceId, wifi, mqtt, policy, sensor, mining, duino)",
    };

    /// <summary><c>--set</c>.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a configuration key, e.g. --set deviceId=esp32-garage --set mqtt.port=8883",
    };

    /// <summary><c>--consent</c>.</summary>
    public static Option<bool> Consent() => new("--consent")
    {
        Description = "The owner consents to mining on this board: writes \"consent\": true. Without it the board connects, "
            + "reports 'paused: no owner consent' and never hashes",
    };

    /// <summary><c>--out</c>.</summary>
    public static Option<string> Out() => new("--out")
    {
        Description = "Directory for app.bin, iotminer.json and filedeployment.json",
        DefaultValueFactory = _ => DefaultOutput,
    };
}
