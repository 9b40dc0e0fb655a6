using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>Free heap as the test sets it (an ESP32 running nanoCLR has ≈ 100–200 KB).</summary>
public sealed class VirtualHeap : IFreeMemory
{
    /// <inheritdoc />
    public long FreeBytes { get; set; } = 120_000;
}
