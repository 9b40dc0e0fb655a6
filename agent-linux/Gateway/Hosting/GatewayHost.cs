using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>
/// <c>iotminer gateway</c>: the fleet gateway alone (no hashing for this device, so no mining consent is asked).
/// Configuration problems end it with exit code 78 and a message naming the key, before anything connects.
/// </summary>
public static class GatewayHost
{
    /// <summary>Runs the gateway; returns the process exit code.</summary>
    public static Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter error, CancellationToken cancellationToken)
        => RunAsync(configPath, overrides, error, adjustServices: null, cancellationToken);

    /// <summary>
    /// Runs the gateway with the roles layered above it (the REST API) added by <paramref name="addRoles"/>, which may
    /// throw <see cref="ConfigurationException"/> for its own section (exit 78, as for the gateway's).
    /// </summary>
    public static Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter error,
        Action<IServiceCollection, GatewaySetup> addRoles, CancellationToken cancellationToken)
        => RunAsync(configPath, overrides, error, addRoles, adjustServices: null, cancellationToken);

    /// <summary>Runs the gateway with <paramref name="adjustServices"/> applied after its own registrations (tests replace the upstream).</summary>
    internal static Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter error,
        Action<IServiceCollection>? adjustServices, CancellationToken cancellationToken)
        => RunAsync(configPath, overrides, error, addRoles: null, adjustServices, cancellationToken);

    private static async Task<int> RunAsync(string? configPath, IReadOnlyList<string> overrides, TextWriter error,
        Action<IServiceCollection, GatewaySetup>? addRoles, Action<IServiceCollection>? adjustServices, CancellationToken cancellationToken)
    {
        GatewaySetup setup;
        IReadOnlyList<string> warnings;
        HostApplicationBuilder builder;
        try
        {
            setup = GatewaySetup.Load(configPath, overrides, Directory.GetCurrentDirectory());
            warnings = UnknownKeyCheck.Warnings(setup.Configuration);
            builder = ServiceHostBuilder.Create("iotminer-gateway", setup.Configuration);
            GatewayServices.Add(builder.Services, setup);
            addRoles?.Invoke(builder.Services, setup);
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine("iotminer gateway: " + ex.Message);
            return ExitCodes.Config;
        }

        foreach (string warning in warnings)
        {
            error.WriteLine("iotminer gateway: warning: " + warning);
        }

        adjustServices?.Invoke(builder.Services);
        using IHost host = builder.Build();
        return await FatalErrorExit.RunAsync(host, error, cancellationToken).ConfigureAwait(false);
    }
}
