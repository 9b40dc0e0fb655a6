using System.Collections.Generic;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>Records reboot requests instead of rebooting the test host.</summary>
public sealed class VirtualRestart : IDeviceRestart
{
    readonly List<string> _reasons = [];

    /// <summary>Every reboot reason so far.</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            lock (_reasons)
            {
                return [.. _reasons];
            }
        }
    }

    /// <inheritdoc />
    public void Reboot(string reason)
    {
        lock (_reasons)
        {
            _reasons.Add(reason);
        }
    }
}
