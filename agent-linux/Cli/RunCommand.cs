using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Agent;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer run</c>: the agent's main job.</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (default: /etc/iotminer/iotminer.json, else ./iotminer.json, else embedded defaults)" };

    public RunCommand()
        : base("run", "Mine (with the owner's consent) for the configured pool, or local demo work when none is configured.")
    {
        Options.Add(_config);

        // Any other "--section:key=value" is a configuration override, as .NET's command-line configuration reads it.
        TreatUnmatchedTokensAsErrors = false;
        SetAction(ExecuteAsync);
    }

    private Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
        => AgentHost.RunAsync(parse.GetValue(_config), parse.UnmatchedTokens.ToArray(), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
}
