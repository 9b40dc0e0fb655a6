using System;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Machine;

namespace IotMinerAgent.Flash.Tests.Support;

/// <summary>
/// A workbench for one flash test: a /dev with one serial port, an empty home, a stand-in nanoff first on PATH,
/// .pe files and a valid configuration.
/// </summary>
public sealed class FlashBench : IDisposable
{
    public const string ValidConfig = """
        {
          "deviceId": "esp32-garage",
          "wifi": { "ssid": "HomeNet", "password": "correct horse" },
          "mqtt": { "host": "broker.lan", "port": 8883, "tls": true, "username": "miner", "password": "s3cret" },
          "policy": { "targetTemperatureC": 65, "hardLimitC": 75.5, "maxDutyPercent": 60, "idleOnly": true }
        }
        """;

    private readonly TempDirectory _dir = new();

    public FlashBench()
    {
        Dev = Directory.CreateDirectory(_dir.Combine("dev")).FullName;
        Port = Path.Combine(Dev, "ttyUSB0");
        File.WriteAllText(Port, string.Empty);
        Home = Directory.CreateDirectory(_dir.Combine("home")).FullName;
        Nanoff = new StubNanoff(_dir.Combine("stub-bin"));
        PeDirectory = _dir.Combine("app", "bin");
        PeFiles.Write(PeDirectory, "mscorlib", 37);
        PeFiles.Write(PeDirectory, "System.Math", 12);
        App = PeFiles.Write(PeDirectory, "App", 5);
        ConfigPath = _dir.Write("iotminer.config.json", ValidConfig);
        Out = _dir.Combine("out");
    }

    public string Dev { get; }

    public string Port { get; }

    public string Home { get; }

    public StubNanoff Nanoff { get; }

    public string PeDirectory { get; }

    public string App { get; }

    public string ConfigPath { get; }

    public string Out { get; }

    public string PathVariable { get; set; } = string.Empty;

    public ToolEnvironment Environment => new(
        PathVariable.Length > 0 ? PathVariable : Path.GetDirectoryName(Nanoff.Path) + ":/usr/bin:/bin",
        Home,
        Dev,
        _dir.Path);

    public string Combine(params string[] parts) => _dir.Combine(parts);

    public string Write(string relative, string text) => _dir.Write(relative, text);

    public string[] FlashArgs(string target, params string[] extra) =>
        new[] { "flash", "--target", target, "--port", Port, "--app", App, "--pe", PeDirectory, "--config", ConfigPath, "--out", Out }
            .Concat(extra).ToArray();

    public ToolRun Run(params string[] args) => ToolRun.Of(Environment, args);

    public void Dispose() => _dir.Dispose();
}
