using System;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Tests.Service;

public class ServiceWatchdogRegistrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_host_with_the_watchdog_reports_ready_status_and_stopping_to_systemd()
    {
        using NotifySocketListener systemd = NotifySocketListener.AtPath();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new SystemdNotifier(systemd.NotifySocket));
        builder.Services.AddSingleton(new ServiceWatchdogOptions { WatchdogTimeout = TimeSpan.FromMilliseconds(200) });
        builder.Services.AddSingleton<IWorkerProgressProbe>(new WorkerHeartbeats(0, TimeProvider.System));
        builder.Services.AddServiceWatchdog<CountingStatus>();
        using IHost host = builder.Build();

        await host.StartAsync().WaitAsync(Patience);
        host.Services.GetRequiredService<ServiceWatchdog>().MarkReady();
        systemd.WaitFor("READY", v => v == "1", Patience);
        systemd.WaitFor("STATUS", v => v.StartsWith("12.3 MH/s · 57.2 °C", StringComparison.Ordinal), Patience);
        systemd.WaitForCount("WATCHDOG", 2, Patience);
        await host.StopAsync().WaitAsync(Patience);
        systemd.WaitFor("STOPPING", v => v == "1", Patience);
    }
}
