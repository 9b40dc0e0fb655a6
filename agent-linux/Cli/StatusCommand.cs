using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Cli;

/// <summary>
/// <c>iotminer status</c>: asks the agent running on this device, through its REST API at the address of the same
/// configuration sources as <c>iotminer run</c> (<c>api:host</c>, <c>api:port</c>, <c>api:accessToken</c>), and
/// prints its state, figures and energy ledger. Exit 69 when no agent answers, 77 when the token is refused.
/// </summary>
internal sealed class StatusCommand : Command
{
    /// <summary>How long to wait for each answer of the agent.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (as for 'iotminer run'): api:host, api:port, api:accessToken" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of a table" };

    public StatusCommand()
        : base("status", "Show the running agent's state, hash rate, temperature, shares, pool and energy ledger (today, last 7 days), read from its local API.")
    {
        Options.Add(_config);
        Options.Add(_json);

        // "--api:port=4049" and the like are configuration overrides, as for 'iotminer run'.
        TreatUnmatchedTokensAsErrors = false;
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        TextWriter error = parse.InvocationConfiguration.Error;
        ApiOptions options;
        try
        {
            IConfigurationRoot configuration = ConfigurationLoader.Load(
                ConfigurationLoader.ResolvePath(parse.GetValue(_config), Directory.GetCurrentDirectory()), parse.UnmatchedTokens.ToArray());
            options = ApiOptions.Parse(key => configuration[key]);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync("iotminer status: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Config;
        }

        using var client = new LocalApiClient(options, Timeout);
        AgentSnapshot snapshot;
        try
        {
            snapshot = await client.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LocalApiException ex)
        {
            await error.WriteLineAsync("iotminer status: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }

        await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(_json) ? StatusReport.Json(snapshot) : StatusReport.Table(snapshot)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
