using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>The gateway's service registrations, for <c>iotminer gateway</c> alone or beside the miner in <c>iotminer run</c>.</summary>
public static class GatewayServices
{
    /// <summary>Registers the gateway of <paramref name="setup"/> as a hosted service; the upstream may be replaced (tests).</summary>
    public static void Add(IServiceCollection services, GatewaySetup setup)
    {
        services.AddSingleton(setup);
        services.AddSingleton<RunningGateway>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => GatewayUpstreams.Create(setup.Gateway, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<GatewayService>();
    }

    /// <summary>Opens the ledger, composes the <see cref="GatewayInstance"/> and runs it for the host's lifetime.</summary>
    private sealed class GatewayService(GatewaySetup setup, IGatewayUpstream upstream, RunningGateway running, TimeProvider time, ILoggerFactory loggers) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            ILogger logger = loggers.CreateLogger<GatewayService>();
            await using IDeviceLedger ledger = await GatewayLedgers.OpenAsync(setup.Gateway, loggers, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Gateway ledger: {Ledger}", GatewayLedgers.Describe(setup.Gateway));
            FleetEnergy? energy = ledger is IFleetEnergyStore store
                ? new FleetEnergy(store, new FleetEnergyBook((byte)setup.Gateway.Instance, setup.EnergyPrices, time), setup.Gateway.RetentionDays, time, loggers.CreateLogger<FleetEnergy>())
                : null;
            await using var gateway = new GatewayInstance(setup.Gateway, setup.Mqtt, upstream, ledger, time, loggers, energy);
            running.Set(gateway);
            try
            {
                await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                running.Set(null);
                switch (upstream)
                {
                    case IAsyncDisposable disposable:
                        await disposable.DisposeAsync().ConfigureAwait(false);
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
        }
    }
}
