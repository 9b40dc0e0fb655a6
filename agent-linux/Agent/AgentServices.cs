using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Service;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>The agent's service registrations: one place that shows how the pieces fit.</summary>
public static class AgentServices
{
    /// <summary>Registers the mining pipeline, the governor, status (drawn on <paramref name="screen"/>) and the work source for <paramref name="setup"/>.</summary>
    public static void Add(IServiceCollection services, AgentSetup setup, TerminalScreen screen)
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
        services.AddSingleton(sp => CreateWorkSource(setup, sp));
        GovernorServices.Add(services, setup);
        services.AddSingleton(new EnergyMeter(setup.Plan.Power));
        services.AddSingleton<AgentStatusProvider>();
        MqttServices.Add(services, setup);
        services.AddSingleton(screen);
        services.AddSingleton<IServiceStatusSource>(sp => sp.GetRequiredService<AgentStatusProvider>());
        services.AddServiceWatchdog<AgentStatusProvider>();

        services.AddHostedService<MiningService>();
        // As many shares await the pool's answer at once as the Stratum client may hold across a reconnect.
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ShareSubmitter>(sp, setup.Stratum.MaxPendingShares));

        // A singleton too: MQTT reporting subscribes to its samples.
        services.AddSingleton<StatusLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusLoop>());
    }

    private static IWorkSource CreateWorkSource(AgentSetup setup, IServiceProvider services)
    {
        ILoggerFactory loggers = services.GetRequiredService<ILoggerFactory>();
        MinerStats stats = services.GetRequiredService<MinerStats>();
        if (setup.Runtime.Algorithm == Algorithms.DucoS1)
        {
            return DuinoSources.Create(setup, services.GetRequiredService<IThrottleStatus>(), loggers);
        }

        if (setup.Stratum.Pools.Count > 0)
        {
            return new StratumWorkSource(new StratumClient(setup.Stratum, loggers.CreateLogger<StratumClient>()));
        }

        DemoDifficulty difficulty = setup.Demo.ShareDifficulty == DemoOptions.AutoDifficulty
            ? DemoDifficulty.Auto(setup.Runtime.Algorithm, () => stats.TotalHashes, TimeProvider.System)
            : DemoDifficulty.Fixed(Difficulty.Parse(setup.Demo.ShareDifficulty));
        return new DemoWorkSource(setup.Runtime.Algorithm, difficulty, TimeSpan.FromSeconds(setup.Demo.JobSeconds), TimeProvider.System);
    }
}
