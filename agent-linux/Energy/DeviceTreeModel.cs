using System.IO;

namespace IotMinerAgent.Linux.Energy;

/// <summary>The board's model as the kernel's device tree names it ("Raspberry Pi 4 Model B Rev 1.4").</summary>
public static class DeviceTreeModel
{
    /// <summary>Where Linux exposes it on Raspberry Pi and most ARM boards; absent on PCs.</summary>
    public const string DefaultPath = "/proc/device-tree/model";

    /// <summary>The model, without the device tree's trailing NUL; null when the file is absent, unreadable or empty.</summary>
    public static string? Read(string path = DefaultPath)
    {
        try
        {
            string model = File.ReadAllText(path).TrimEnd('\0', '\n', ' ');
            return model.Length == 0 ? null : model;
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.UnauthorizedAccessException)
        {
            return null;
        }
    }
}
