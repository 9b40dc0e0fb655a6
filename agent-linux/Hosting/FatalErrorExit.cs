using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IotMinerAgent.Linux.Hosting;

/// <summary>
/// Turns fatal errors into a non-zero exit code. On .NET 10 an exception escaping a <see cref="BackgroundService"/>
/// stops the host, but <c>host.Run()</c> then returns normally and the process exits 0, which systemd's
/// <c>Restart=on-failure</c> takes for a clean stop. <see cref="RunAsync"/> returns the exit code instead.
/// </summary>
public static class FatalErrorExit
{
    /// <summary>
    /// Makes a failing background service stop the host (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>)
    /// and registers <see cref="FatalErrorStop"/>, through which any code can stop the agent with an exit code.
    /// </summary>
    public static IServiceCollection AddFatalErrorExit(this IServiceCollection services)
    {
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        services.AddSingleton<FatalErrorStop>();
        return services;
    }

    /// <summary>
    /// Runs <paramref name="host"/> until it stops and returns the process exit code: the code given to
    /// <see cref="FatalErrorStop.Stop"/>; <see cref="ExitCodes.Failure"/> when a background service threw;
    /// <see cref="ExitCodes.Config"/> (78, EX_CONFIG) when options validation failed at start, each failure written to
    /// <paramref name="error"/>; otherwise <see cref="ExitCodes.Ok"/>. The host is stopped, not disposed: the caller disposes it.
    /// </summary>
    public static async Task<int> RunAsync(IHost host, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            foreach (string failure in ex.Failures)
            {
                await error.WriteLineAsync($"iotminer: configuration error: {failure}").ConfigureAwait(false);
            }

            return ExitCodes.Config;
        }

        // Not host.RunAsync: it disposes the host, and the services are still needed below. The caller disposes it.
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        if (host.Services.GetService<FatalErrorStop>()?.ExitCode is int requested)
        {
            return requested;
        }

        bool faulted = host.Services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .Any(service => service.ExecuteTask is { IsFaulted: true });
        return faulted ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
