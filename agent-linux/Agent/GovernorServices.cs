using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Wires the governor into the agent: its loop as a hosted service, its gate as the workers' throttle, its decision as status.</summary>
public static class GovernorServices
{
    /// <summary>Registers the governor for <paramref name="setup"/> (options already validated by <see cref="AgentSetup"/>).</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        var gate = new DutyCycleGate();
        GovernorLoop loop = GovernorLoop.Create(setup.Governor, gate);
        services.AddSingleton(gate);
        services.AddSingleton(loop);
        services.AddSingleton<IMiningThrottle>(new GovernedThrottle(gate));
        services.AddSingleton<IThrottleStatus>(new GovernorThrottleStatus(loop));
        services.AddHostedService<GovernorService>();
    }

    /// <summary>Runs the governor loop for the host's lifetime; when it ends, the gate is closed and nothing mines.</summary>
    private sealed class GovernorService(GovernorLoop loop) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(stoppingToken);
    }

    /// <summary>Workers wait at the duty-cycle gate between chunks.</summary>
    private sealed class GovernedThrottle(DutyCycleGate gate) : IMiningThrottle
    {
        public bool WaitForTurn(int workerIndex, CancellationToken cancellationToken) => gate.WaitForTurn(workerIndex, cancellationToken);
    }

    /// <summary>The latest governor decision as status; before the first, "paused: starting".</summary>
    private sealed class GovernorThrottleStatus(GovernorLoop loop) : IThrottleStatus
    {
        public string State => loop.Latest?.State ?? "paused";

        public string Reason => loop.Latest?.Reason ?? "paused: starting";

        public int DutyPercent => loop.Latest?.DutyPercent ?? 0;

        public int Threads => loop.Latest?.Threads ?? 0;

        public double? TemperatureC => loop.Latest?.TemperatureC;
    }
}
