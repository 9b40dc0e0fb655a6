using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Turns a failed background service into a non-zero exit code. On .NET 10 an exception escaping a
/// BackgroundService stops the host (StopHost) but the process still exits 0, and systemd's Restart=on-failure
/// would never fire (shared/STYLE.md, worker services).
/// </summary>
public sealed class FatalErrorMonitor(IEnumerable<IHostedService> services)
{
    /// <summary>1 when any background service ended with an exception, else 0.</summary>
    public int ExitCode => services.OfType<BackgroundService>().Any(s => s.ExecuteTask is { IsFaulted: true }) ? 1 : 0;
}
