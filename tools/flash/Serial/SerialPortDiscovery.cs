using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Serial;

/// <summary>
/// Finds the serial ports an ESP32 board can be on: USB-UART bridges (CP210x, CH340: /dev/ttyUSB*) and USB CDC-ACM
/// (ESP32-S3/C3 native USB: /dev/ttyACM*). udev's /dev/serial/by-id links name the USB device; a link and the node
/// it points to are one port. The /dev root is injectable so tests can use a directory of their own.
/// </summary>
public sealed class SerialPortDiscovery
{
    private readonly string _devRoot;

    /// <summary>Creates a discovery over <paramref name="devRoot"/> (normally <c>/dev</c>).</summary>
    public SerialPortDiscovery(string devRoot)
    {
        _devRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(devRoot));
    }

    /// <summary>Every candidate port, sorted by port name.</summary>
    public IReadOnlyList<SerialPortCandidate> List()
    {
        Dictionary<string, string> descriptions = ByIdNames();
        IEnumerable<string> nodes = Glob(_devRoot, "ttyUSB*").Concat(Glob(_devRoot, "ttyACM*")).Concat(descriptions.Keys);
        return nodes
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SerialPortCandidate(p, descriptions.GetValueOrDefault(p, string.Empty)))
            .ToList();
    }

    /// <summary>
    /// The port to use: <paramref name="requested"/> if given (it must exist), else the only candidate; errors say
    /// what to do when there is none or several.
    /// </summary>
    public string Choose(string? requested)
    {
        if (requested is not null)
        {
            return File.Exists(requested) || Directory.Exists(requested)
                ? requested
                : throw new StepFailedException($"--port {requested}: no such device; plug the board in (USB), check `dmesg`, or list ports with: iotminer-flash ports.");
        }

        IReadOnlyList<SerialPortCandidate> candidates = List();
        return candidates.Count switch
        {
            1 => candidates[0].Port,
            0 => throw new StepFailedException("no serial port found: plug the board in (USB), check `dmesg`, or pass --port"),
            _ => throw new StepFailedException("several serial ports found, pass the board's with --port: " +
                string.Join(", ", candidates.Select(c => c.Description.Length == 0 ? c.Port : $"{c.Port} ({c.Description})"))),
        };
    }

    private Dictionary<string, string> ByIdNames()
    {
        Dictionary<string, string> names = new(StringComparer.Ordinal);
        string byId = Path.Combine(_devRoot, "serial", "by-id");
        foreach (string link in Glob(byId, "*"))
        {
            FileSystemInfo? target = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
            names.TryAdd(target?.FullName ?? link, Path.GetFileName(link));
        }

        return names;
    }

    private static IEnumerable<string> Glob(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateFileSystemEntries(directory, pattern) : Enumerable.Empty<string>();
}
