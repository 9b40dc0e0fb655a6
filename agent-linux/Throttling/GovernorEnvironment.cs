using System;
using IotMinerAgent.Linux.Hardware;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>Where the governor finds the machine: the real one by default, temporary trees and fakes in tests.</summary>
public sealed record GovernorEnvironment
{
    /// <summary>Root of sysfs.</summary>
    public string SysRoot { get; init; } = "/sys";

    /// <summary>Root of procfs.</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>Runs vcgencmd and loginctl.</summary>
    public ICommandRunner CommandRunner { get; init; } = new ProcessCommandRunner(TimeSpan.FromSeconds(2));

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
