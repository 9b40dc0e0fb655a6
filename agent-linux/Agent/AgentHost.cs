using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Cli;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// <c>iotminer run</c>: loads and validates the configuration, checks the owner's consent, then hosts the mining
/// services until stopped. Configuration problems end it with exit code 78 and a message naming the key.
/// </summary>
public static class AgentHost
{
    /// <summary>Runs the agent; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        AgentSetup setup;
        try
        {
            setup = AgentSetup.Load(configPath, overrides, Directory.GetCurrentDirectory());
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine("iotminer run: " + ex.Message);
            return ExitCodes.Config;
        }

        if (!setup.HasConsent)
        {
            error.WriteLine("iotminer run: the owner has not agreed to mining on this device, so nothing is hashed. This is what would run:");
            error.WriteLine(setup.Plan.Describe());
            error.WriteLine("To agree, run 'iotminer consent --accept' (records it for exactly this plan), or set \"consent\": true in the config file.");
            return ExitCodes.Config;
        }

        using IHost host = Build(setup);
        FatalErrorMonitor fatal = host.Services.GetRequiredService<FatalErrorMonitor>();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            foreach (string failure in ex.Failures)
            {
                error.WriteLine("iotminer run: " + failure);
            }

            return ExitCodes.Config;
        }

        return fatal.ExitCode;
    }

    private static IHost Build(AgentSetup setup)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = (ConfigurationManager?)null,
            ApplicationName = "iotminer",
        });
        builder.Configuration.AddConfiguration(setup.Configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        AgentServices.Add(builder.Services, setup);
        return builder.Build();
    }
}
