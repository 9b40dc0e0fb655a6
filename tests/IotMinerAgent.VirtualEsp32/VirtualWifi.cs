using System;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>A Wi-Fi link the test can drop and bring back; dropping it cuts the MQTT connection like a lost radio.</summary>
public sealed class VirtualWifi : IWifiLink
{
    volatile bool _available = true;

    /// <summary>Raised when the link drops.</summary>
    public event Action? Dropped;

    /// <summary>True while associated.</summary>
    public bool IsConnected { get; private set; } = true;

    /// <inheritdoc />
    public bool Connect(int timeoutMs)
    {
        IsConnected = _available;
        return IsConnected;
    }

    /// <summary>The access point disappears.</summary>
    public void Drop()
    {
        _available = false;
        IsConnected = false;
        Dropped?.Invoke();
    }

    /// <summary>The access point is back (the firmware must reconnect by itself).</summary>
    public void Restore() => _available = true;
}
