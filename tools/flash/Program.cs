using System;

namespace IotMinerAgent.Flash;

/// <summary>Entry point of iotminer-flash.</summary>
public static class Program
{
    /// <summary>Runs the flash tool.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("iotminer-flash: flashing ESP32 boards is not available yet (see issue: ESP32 firmware and the flash tool).");
        return 2;
    }
}
