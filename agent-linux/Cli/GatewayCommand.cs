using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Gateway.Hosting;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer gateway</c>: the fleet gateway alone (docs/gateway.md).</summary>
internal sealed class GatewayCommand : Command
{
    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (default: /etc/iotminer/iotminer.json, else ./iotminer.json)" };

    public GatewayCommand()
        : base("gateway", "Serve small devices over MQTT: hand out nonce ranges of the configured pool's or node's work, check their shares and send the valid ones upstream.")
    {
        Options.Add(_config);

        // Any other "--section:key=value" is a configuration override, as for 'run'.
        TreatUnmatchedTokensAsErrors = false;
        SetAction(ExecuteAsync);
    }

    private Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
        => GatewayHost.RunAsync(parse.GetValue(_config), parse.UnmatchedTokens.ToArray(), parse.InvocationConfiguration.Error,
            (services, setup) => ApiServer.AddForGateway(services, setup.Configuration), cancellationToken);
}
