using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotMinerAgent.Flash.Tests.Support;

/// <summary>
/// A stand-in nanoff: a bash script that appends its argv (tab-separated) to a log, prints canned device details for
/// the probe (--platform) and the verify (--nanodevice) calls, and exits 1 when given the argument named in fail-on.
/// </summary>
public sealed class StubNanoff
{
    public const string DefaultProbe = """
        Reading details from chip...OK

        Connected to:
        ESP32 (ESP32-D0WD-V3 (revision v3.1))
        Features WiFi, BT, Dual Core, 240MHz, VRef calibration in efuse, Coding Scheme None
        Flash size 4MB GD25Q32 from GIGADEVICE (manufacturer 0xc8 device 0x4016)
        PSRAM: not available
        Crystal 40MHz
        MAC 24:0A:C4:00:00:01
        """;

    public const string FailureText = "Error E4003: Failed to write new firmware to ESP32.";

    private const string Script = """
        #!/usr/bin/env bash
        dir="$(dirname "$0")"
        (IFS=$'\t'; printf '%s\n' "$*") >> "$dir/nanoff.log"
        if [ -f "$dir/fail-on" ]; then
          fail="$(cat "$dir/fail-on")"
          for a in "$@"; do
            if [ "$a" = "$fail" ]; then echo "Flashing..."; echo "Error E4003: Failed to write new firmware to ESP32."; exit 1; fi
          done
        fi
        for a in "$@"; do
          case "$a" in
            --platform) cat "$dir/probe.txt"; exit 0;;
            --nanodevice) cat "$dir/details.txt"; exit 0;;
          esac
        done
        echo "OK"

        """;

    private readonly string _directory;

    public StubNanoff(string directory)
    {
        _directory = Directory.CreateDirectory(directory).FullName;
        Path = System.IO.Path.Combine(_directory, "nanoff");
        File.WriteAllText(Path, Script.Replace("\r", string.Empty));
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Probe = DefaultProbe;
        Details = DetailsListing("App", "System.Math", "mscorlib");
    }

    public string Path { get; }

    public string LogPath => System.IO.Path.Combine(_directory, "nanoff.log");

    public string Probe
    {
        set => File.WriteAllText(System.IO.Path.Combine(_directory, "probe.txt"), value + "\n");
    }

    public string Details
    {
        set => File.WriteAllText(System.IO.Path.Combine(_directory, "details.txt"), value + "\n");
    }

    public string FailOn
    {
        set => File.WriteAllText(System.IO.Path.Combine(_directory, "fail-on"), value);
    }

    public bool WasRun => File.Exists(LogPath);

    public IReadOnlyList<string[]> Invocations =>
        WasRun ? File.ReadAllLines(LogPath).Select(l => l.Split('\t')).ToList() : Array.Empty<string[]>();

    public static string DetailsListing(params string[] assemblies) =>
        "System Information\nHAL build info: nanoCLR running @ ESP32 built with ESP-IDF v5.2.3\n  Target:   ESP32_REV0\n\n" +
        "AppDomains:\n  default, id=1\n\nAssemblies:\n" +
        string.Concat(assemblies.Select(a => $"  {a}, 1.0.0.0\n")) +
        "\nNative Assemblies:\n  mscorlib v100.5.0.24, checksum 0x445C7AF9\n  App v100.0.0.0, checksum 0x00000001\n";

    public static string ProbeFor(string chipLine, int flashMegabytes) =>
        DefaultProbe.Replace("ESP32 (ESP32-D0WD-V3 (revision v3.1))", chipLine).Replace("Flash size 4MB", $"Flash size {flashMegabytes}MB");
}
