using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>Builds the configured upstream: a Stratum pool or the owner's node.</summary>
public static class GatewayUpstreams
{
    /// <summary>The upstream of <paramref name="options"/>.</summary>
    /// <exception cref="ConfigurationException">The node settings are unusable.</exception>
    public static IGatewayUpstream Create(GatewayOptions options, ILoggerFactory loggers) => options.Upstream switch
    {
        GatewayUpstreamKind.Node => throw new ConfigurationException("gateway:upstream = node is not available in this build; use gateway:upstream = stratum"),
        _ => new StratumUpstream(options.Stratum, loggers.CreateLogger<StratumUpstream>()),
    };
}
