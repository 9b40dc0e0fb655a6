using System;
using System.Collections.Generic;
using System.Globalization;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Wires the local REST API, <c>/metrics</c> and the dashboard into the agent (and its in-process gateway, if any).</summary>
public static class ApiServices
{
    /// <summary>Registers the API server of <paramref name="setup"/> unless <c>api:enabled</c> is false.</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        if (!setup.Api.Enabled)
        {
            return;
        }

        services.AddSingleton(sp =>
        {
            var history = new StatusHistory(TimeProvider.System, status => BoardPower(setup.Plan.Power, status));
            sp.GetRequiredService<StatusLoop>().Sampled += history.Add;
            return history;
        });
        services.AddSingleton(sp => new AgentApi(
            sp.GetRequiredService<AgentStatusProvider>(),
            DeviceId.Resolve(setup.Mqtt.DeviceId),
            sp.GetRequiredService<RecentShares>(),
            sp.GetRequiredService<StatusHistory>(),
            sp.GetRequiredService<IAgentControl>(),
            status => Describe(setup, status, sp.GetRequiredService<LiveEarningsRate>()),
            sp.GetRequiredService<IEnergyLedgerSource>(),
            setup.EnergyRule.Currency,
            EnergySources.Describe(setup.EnergyRule, setup.Plan.Power, setup.MinesDemoWork)));
        services.AddSingleton(sp => new ApiServer(setup.Api, sp.GetRequiredService<AgentApi>(), sp.GetService<RunningGateway>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<ApiServer>());
    }

    /// <summary>The board's draw now, from the power model at the mining load; null on a board whose power is unknown.</summary>
    internal static double? BoardPower(PowerModel power, AgentStatus status) => power.WattsAt(status.MiningLoadPpm);

    private static AgentResponse Describe(AgentSetup setup, AgentStatus status, LiveEarningsRate earnings)
    {
        var pools = new List<PoolEntry>();
        for (int i = 0; i < setup.Plan.Pools.Count; i++)
        {
            StratumPoolOptions pool = setup.Plan.Pools[i];
            bool active = string.Equals(Endpoint(pool.Url), status.Pool, StringComparison.OrdinalIgnoreCase);
            pools.Add(new PoolEntry(Endpoint(pool.Url) ?? pool.Url, pool.User, i == 0 ? "primary" : "backup " + i.ToString(CultureInfo.InvariantCulture), active));
        }

        DateTimeOffset? recorded = ConsentRecord.AcceptedAt(setup.StateDirectory);
        string consent = setup.Agent.Consent
            ? "given for this run (consent: true in the configuration, or --consent=true)"
            : recorded is { } at
                ? "recorded with 'iotminer consent --accept' on " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + " for exactly this pool, payout and algorithm"
                : "recorded with 'iotminer consent --accept'";
        return new AgentResponse(DeviceId.Resolve(setup.Mqtt.DeviceId), setup.Api.ReadOnly, pools, consent, setup.Plan.Power.Describe(), Earnings(setup, earnings));
    }

    /// <summary>What mining here earns per day at full duty, from the live figures; demo work earns a known nothing.</summary>
    internal static EarningsEntry Earnings(AgentSetup setup, IEarningsRate earnings)
    {
        if (setup.MinesDemoWork)
        {
            return new EarningsEntry(0, "coins", "demo work earns nothing");
        }

        return earnings.TryCoinsPerHour(out double coinsPerHour, out string why)
            ? new EarningsEntry(coinsPerHour * 24, "coins", "at full duty: measured hash rate, the current job's network difficulty (nBits), energy:blockReward")
            : new EarningsEntry(null, "coins", why);
    }

    // The pool as the status names it (scheme://host:port, no credentials), so the active one can be marked.
    private static string? Endpoint(string url)
    {
        try
        {
            return StratumEndpoint.Parse(url).ToString();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
