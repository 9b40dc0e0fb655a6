using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Wires the governor into the agent: its loop as a hosted service, the energy rule's readings (when the mode is not
/// always), and <see cref="MiningControl"/> (the owner's controls over it) as the workers' throttle, status and command target.
/// </summary>
public static class GovernorServices
{
    /// <summary>Registers the governor for <paramref name="setup"/> (options already validated by <see cref="AgentSetup"/>).</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        var gate = new DutyCycleGate();
        services.AddSingleton(gate);
        bool energyRuled = setup.EnergyPolicy.Mode != EnergyMode.Always;
        services.AddSingleton(sp => LiveEarnings(sp, setup));
        if (energyRuled)
        {
            // Demo work earns a known nothing; pool and Duino work earn what their live figures say (unknown while a
            // figure is missing). The status and the job board
            // are read when the governor decides, not when it is built: the status itself reads the governor.
            services.AddSingleton(sp => new EnergyInputs(setup.EnergyRule, setup.MinesDemoWork ? null : sp.GetRequiredService<LiveEarningsRate>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EnergyInputs>>()));
        }

        services.AddSingleton(sp => GovernorLoop.Create(setup.Governor, gate, new GovernorEnvironment { Time = sp.GetRequiredService<TimeProvider>() },
            setup.EnergyPolicy, energyRuled ? sp.GetRequiredService<EnergyInputs>() : null));
        services.AddSingleton(sp => new MiningControl(sp.GetRequiredService<GovernorLoop>(), gate, setup.Runtime.Threads));
        services.AddSingleton<IMiningThrottle>(sp => sp.GetRequiredService<MiningControl>());
        services.AddSingleton<IThrottleStatus>(sp => sp.GetRequiredService<MiningControl>());
        services.AddSingleton<IAgentControl>(sp => sp.GetRequiredService<MiningControl>());
        AddLedger(services, setup, energyRuled);
        services.AddHostedService<GovernorService>();
    }

    // Registered before the governor's loop, whose first decision comes as it starts: the ledger restores today's
    // energy into the budget first.
    private static void AddLedger(IServiceCollection services, AgentSetup setup, bool energyRuled)
    {
        services.AddSingleton(_ => EnergyLedgerStore.Open(setup.StateDirectory));
        services.AddSingleton(sp => new EnergyLedger(sp.GetRequiredService<EnergyLedgerStore>(), Mqtt.Messages.DeviceId.Resolve(setup.Mqtt.DeviceId),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEnergyLedgerSource>(sp => sp.GetRequiredService<EnergyLedger>());
        services.AddHostedService(sp => new EnergyLedgerService(sp.GetRequiredService<EnergyLedger>(), sp.GetRequiredService<GovernorLoop>(),
            sp.GetRequiredService<MinerStats>(), sp.GetRequiredService<JobBoard>(), setup, energyRuled ? sp.GetRequiredService<EnergyInputs>() : null,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EnergyLedgerService>>()));
    }

    /// <summary>Runs the governor loop for the host's lifetime; when it ends, the gate is closed and nothing mines.</summary>
    private sealed class GovernorService(GovernorLoop loop) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(stoppingToken);
    }

    private static LiveEarningsRate LiveEarnings(IServiceProvider services, AgentSetup setup) => new(
        () => services.GetRequiredService<AgentStatusProvider>().HashrateHs,
        () => services.GetRequiredService<IThrottleStatus>().DutyPercent,
        () => services.GetRequiredService<JobBoard>().Current?.Job.NetworkBits,
        setup.EnergyRule.BlockReward);
}
