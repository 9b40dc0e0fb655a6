using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Service;

/// <summary>Runs the <see cref="ServiceWatchdog"/> for the lifetime of the host.</summary>
public sealed class ServiceWatchdogService(ServiceWatchdog watchdog) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => watchdog.RunAsync(stoppingToken);
}
