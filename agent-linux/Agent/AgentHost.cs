using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// <c>iotminer run</c>: loads and validates the configuration, checks the owner's consent, then hosts the mining
/// services until stopped. Configuration problems end it with exit code 78 and a message naming the key.
/// </summary>
public static class AgentHost
{
    /// <summary>Runs the agent; returns the process exit code.</summary>
    public static Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        => RunAsync(configPath, overrides, output, error, adjustServices: null, cancellationToken);

    /// <summary>Runs the agent with <paramref name="adjustServices"/> applied after its own registrations (tests replace the systemd socket or the engine).</summary>
    internal static async Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter output, TextWriter error,
        Action<IServiceCollection>? adjustServices, CancellationToken cancellationToken)
    {
        AgentSetup setup;
        GatewaySetup? gateway;
        try
        {
            setup = AgentSetup.Load(configPath, overrides, Directory.GetCurrentDirectory());
            gateway = GatewaySetup.ForAgent(setup.Configuration, setup.StateDirectory, setup.Mqtt);
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine("iotminer run: " + ex.Message);
            return ExitCodes.Config;
        }

        foreach (string warning in setup.Warnings)
        {
            error.WriteLine("iotminer run: warning: " + warning);
        }

        if (!setup.HasConsent)
        {
            error.WriteLine("iotminer run: the owner has not agreed to mining on this device, so nothing is hashed. This is what would run:");
            error.WriteLine(setup.Plan.Describe());
            error.WriteLine("To agree, run 'iotminer consent --accept' (records it for exactly this plan), or set \"consent\": true in the config file.");
            return ExitCodes.Config;
        }

        using IHost host = Build(setup, gateway, adjustServices);
        int exitCode = await FatalErrorExit.RunAsync(host, error, cancellationToken).ConfigureAwait(false);
        if (exitCode != ExitCodes.Config)
        {
            // Stopped (Ctrl-C, SIGTERM, a fatal error): one line saying what the run did and what is left. The live
            // status line (if any) was removed when the status loop stopped.
            await output.WriteLineAsync(Summary(host.Services, setup)).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        return exitCode;
    }

    private static string Summary(IServiceProvider services, AgentSetup setup)
    {
        MinerStats stats = services.GetRequiredService<MinerStats>();
        AgentStatus status = services.GetRequiredService<AgentStatusProvider>().GetStatus();
        int? outbox = setup.Mqtt.Enabled ? services.GetService<Mqtt.Outbox.ShareOutbox>()?.Count : null;
        return StopSummary.Line(TimeSpan.FromSeconds(status.UptimeS), stats.TotalHashes, stats.Accepted, stats.Rejected, stats.Stale, stats.Pending, outbox);
    }

    private static IHost Build(AgentSetup setup, GatewaySetup? gateway, Action<IServiceCollection>? adjustServices)
    {
        HostApplicationBuilder builder = ServiceHostBuilder.Create("iotminer", setup.Configuration);
        TerminalScreen screen = TerminalScreen.FromConsole();
        if (screen.IsInteractive)
        {
            // On a terminal, log lines go above the live status line instead of through the console logger, which
            // would write across it. Under systemd or redirected, the console logger stays: plain structured lines.
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new TerminalLoggerProvider(screen, TimeProvider.System));
        }

        AgentServices.Add(builder.Services, setup, screen);
        if (gateway is not null)
        {
            // gateway:enabled: the fleet gateway runs beside the miner, in the same process.
            GatewayServices.Add(builder.Services, gateway);
        }

        ApiServices.Add(builder.Services, setup);
        adjustServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
