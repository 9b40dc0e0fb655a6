using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Wires the governor into the agent: its loop as a hosted service, and <see cref="MiningControl"/> (the owner's controls over it) as the workers' throttle, status and command target.</summary>
public static class GovernorServices
{
    /// <summary>Registers the governor for <paramref name="setup"/> (options already validated by <see cref="AgentSetup"/>).</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        var gate = new DutyCycleGate();
        GovernorLoop loop = GovernorLoop.Create(setup.Governor, gate);
        services.AddSingleton(gate);
        services.AddSingleton(loop);
        var control = new MiningControl(loop, gate, setup.Runtime.Threads);
        services.AddSingleton(control);
        services.AddSingleton<IMiningThrottle>(control);
        services.AddSingleton<IThrottleStatus>(control);
        services.AddSingleton<IAgentControl>(control);
        services.AddHostedService<GovernorService>();
    }

    /// <summary>Runs the governor loop for the host's lifetime; when it ends, the gate is closed and nothing mines.</summary>
    private sealed class GovernorService(GovernorLoop loop) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(stoppingToken);
    }
}
