using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// Finds the CPU temperature sensor: a pinned path from the configuration, else the first readable candidate of
/// (1) thermal zones whose type names the CPU, in <see cref="CpuZoneTypes"/> order; (2) hwmon chips in
/// <see cref="CpuHwmonChips"/> order; (3) <c>vcgencmd measure_temp</c> on a Raspberry Pi without thermal sysfs;
/// else none. A candidate that exists but cannot be read is "not supported here": the next one is tried.
/// </summary>
/// <param name="sysRoot">Root of sysfs (<c>/sys</c>; a temporary tree in tests).</param>
/// <param name="runner">Runs vcgencmd.</param>
public sealed class TemperatureSensorFactory(string sysRoot, ICommandRunner runner)
{
    /// <summary>The configuration key that pins the sensor, for error messages.</summary>
    public const string PinKey = "governor:temperatureSensor";

    /// <summary>The pinned value that selects <see cref="VcgencmdSensor"/>.</summary>
    public const string Vcgencmd = "vcgencmd";

    /// <summary>
    /// Thermal zone types that measure the CPU, most specific first: cpu-thermal (Raspberry Pi and most device-tree
    /// boards), cpu_thermal (Allwinner, Amlogic, Exynos), x86_pkg_temp (Intel package), soc-thermal/soc_thermal
    /// (Rockchip, Amlogic: the CPU sits in the SoC), cpu0-thermal (boards with per-cluster zones).
    /// </summary>
    public static readonly IReadOnlyList<string> CpuZoneTypes =
        ["cpu-thermal", "cpu_thermal", "x86_pkg_temp", "soc-thermal", "soc_thermal", "cpu0-thermal", "cpu0_thermal"];

    /// <summary>hwmon chips whose temp1_input is the CPU: coretemp (Intel package), k10temp (AMD Tctl), zenpower, cpu_thermal.</summary>
    public static readonly IReadOnlyList<string> CpuHwmonChips = ["coretemp", "k10temp", "zenpower", "cpu_thermal", "cpu-thermal"];

    /// <summary>A factory for the real /sys and real commands.</summary>
    public TemperatureSensorFactory()
        : this("/sys", new ProcessCommandRunner())
    {
    }

    /// <summary>The sensor to use, or null when the board has none (the governor's no-sensor policy applies).</summary>
    /// <param name="pinned">A path to a temperature file or thermal zone directory, "vcgencmd", or null/empty to discover.</param>
    /// <exception cref="ArgumentException">The pinned sensor cannot be read; the message names the key and the fix.</exception>
    public ITemperatureSensor? Create(string? pinned)
    {
        if (!string.IsNullOrWhiteSpace(pinned))
        {
            return CreatePinned(pinned.Trim());
        }

        return ThermalZones().Concat(HwmonInputs()).Append(new VcgencmdSensor(runner)).FirstOrDefault(s => s.TryReadMilliCelsius(out _));
    }

    private ITemperatureSensor CreatePinned(string pinned)
    {
        ITemperatureSensor sensor = pinned == Vcgencmd ? new VcgencmdSensor(runner) : FromPath(pinned);
        if (!sensor.TryReadMilliCelsius(out _))
        {
            throw new ArgumentException(
                $"{PinKey} = '{pinned}' cannot be read. Give a readable file holding milli-°C (e.g. " +
                "/sys/class/thermal/thermal_zone0/temp), a thermal zone directory, or 'vcgencmd'; or remove the key to discover the sensor.");
        }

        return sensor;
    }

    private static ITemperatureSensor FromPath(string path)
    {
        if (Directory.Exists(path))
        {
            return new ThermalZoneSensor(Path.Combine(path, "temp"), NameOrPinned(Path.Combine(path, "type")));
        }

        string directory = Path.GetDirectoryName(path) ?? string.Empty;
        return Path.GetFileName(path).EndsWith("_input", StringComparison.Ordinal)
            ? new HwmonSensor(path, NameOrPinned(Path.Combine(directory, "name")))
            : new ThermalZoneSensor(path, NameOrPinned(Path.Combine(directory, "type")));
    }

    private static string NameOrPinned(string path)
    {
        string name = ReadName(path);
        return name.Length > 0 ? name : "pinned";
    }

    private IEnumerable<ITemperatureSensor> ThermalZones()
    {
        var zones = Numbered(Path.Combine(sysRoot, "class", "thermal"), "thermal_zone")
            .Select(dir => (Dir: dir, Type: ReadName(Path.Combine(dir, "type"))))
            .ToList();
        foreach (string type in CpuZoneTypes)
        {
            foreach (var zone in zones.Where(z => z.Type == type))
            {
                yield return new ThermalZoneSensor(Path.Combine(zone.Dir, "temp"), zone.Type);
            }
        }
    }

    private IEnumerable<ITemperatureSensor> HwmonInputs()
    {
        var chips = Numbered(Path.Combine(sysRoot, "class", "hwmon"), "hwmon")
            .Select(dir => (Dir: dir, Name: ReadName(Path.Combine(dir, "name"))))
            .ToList();
        foreach (string name in CpuHwmonChips)
        {
            foreach (var chip in chips.Where(c => c.Name == name))
            {
                yield return new HwmonSensor(Path.Combine(chip.Dir, "temp1_input"), chip.Name);
            }
        }
    }

    // thermal_zone2 before thermal_zone10: entries sorted by their number, not as text. The entries are symlinks
    // into /sys/devices, so files and directories are both listed.
    private static IEnumerable<string> Numbered(string directory, string prefix)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFileSystemEntries(directory, prefix + "*")
            .Select(path => (Path: path, Number: int.TryParse(Path.GetFileName(path).AsSpan(prefix.Length), out int n) ? n : int.MaxValue))
            .OrderBy(entry => entry.Number)
            .Select(entry => entry.Path);
    }

    private static string ReadName(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
