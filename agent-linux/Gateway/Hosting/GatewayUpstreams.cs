using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>Builds the configured upstream: a Stratum pool or the owner's node.</summary>
public static class GatewayUpstreams
{
    /// <summary>The upstream of <paramref name="options"/>.</summary>
    public static IGatewayUpstream Create(GatewayOptions options, ILoggerFactory loggers) => options.Upstream switch
    {
        GatewayUpstreamKind.Node => new NodeUpstream(options.Node, loggers.CreateLogger<NodeUpstream>()),
        _ => new StratumUpstream(options.Stratum, loggers.CreateLogger<StratumUpstream>()),
    };
}
