using System;
using System.Diagnostics.CodeAnalysis;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotMinerAgent.Linux.Service;

/// <summary>Registers the systemd notifier and watchdog in a host.</summary>
public static class ServiceWatchdogRegistration
{
    /// <summary>
    /// Adds <see cref="ServiceWatchdog"/> (run by <see cref="ServiceWatchdogService"/>) with the notifier and watchdog
    /// timeout from this process's environment, and <typeparamref name="TStatus"/> as the status line. The host must
    /// also register an <see cref="IWorkerProgressProbe"/> (e.g. <see cref="WorkerHeartbeats"/>), and call
    /// <see cref="ServiceWatchdog.MarkReady"/> once the workers run. Registrations made earlier win (tests).
    /// </summary>
    public static IServiceCollection AddServiceWatchdog<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStatus>(this IServiceCollection services)
        where TStatus : class, IServiceStatusSource
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => SystemdNotifier.FromEnvironment());
        services.TryAddSingleton(_ => ServiceWatchdogOptions.FromEnvironment());
        services.TryAddSingleton<IServiceStatusSource, TStatus>();
        services.TryAddSingleton<ServiceWatchdog>();
        services.AddHostedService<ServiceWatchdogService>();
        return services;
    }
}
