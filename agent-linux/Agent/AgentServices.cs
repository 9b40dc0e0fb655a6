using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Service;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Stratum;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>The agent's service registrations: one place that shows how the pieces fit.</summary>
public static class AgentServices
{
    /// <summary>Registers the mining pipeline, the governor, status and the work source for <paramref name="setup"/>.</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        services.AddSingleton(setup);
        services.AddSingleton(setup.Runtime);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new MinerStats(setup.Runtime.Threads));
        services.AddSingleton(new WorkerHeartbeats(setup.Runtime.Threads, TimeProvider.System));
        services.AddSingleton<IWorkerProgressProbe>(sp => sp.GetRequiredService<WorkerHeartbeats>());
        services.AddSingleton<JobBoard>();
        services.AddSingleton<ShareSink>();
        services.AddSingleton(new RecentShares());
        services.AddSingleton(sp => CreateWorkSource(setup, sp.GetRequiredService<ILoggerFactory>()));
        GovernorServices.Add(services, setup);
        services.AddSingleton<AgentStatusProvider>();
        MqttServices.Add(services, setup);
        services.AddSingleton(TerminalOutput.FromConsole());
        services.AddSingleton<IServiceStatusSource>(sp => sp.GetRequiredService<AgentStatusProvider>());
        services.AddServiceWatchdog<AgentStatusProvider>();

        services.AddHostedService<MiningService>();
        // As many shares await the pool's answer at once as the Stratum client may hold across a reconnect.
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ShareSubmitter>(sp, setup.Stratum.MaxPendingShares));

        // A singleton too: MQTT reporting subscribes to its samples.
        services.AddSingleton<StatusLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusLoop>());
    }

    private static IWorkSource CreateWorkSource(AgentSetup setup, ILoggerFactory loggers)
    {
        if (setup.Stratum.Pools.Count > 0)
        {
            return new StratumWorkSource(new StratumClient(setup.Stratum, loggers.CreateLogger<StratumClient>()));
        }

        return new DemoWorkSource(setup.Runtime.Algorithm, Difficulty.Parse(setup.Demo.ShareDifficulty), TimeSpan.FromSeconds(setup.Demo.JobSeconds));
    }
}
