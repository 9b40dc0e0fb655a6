using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Hosting;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer consent</c>: shows what would run, and records (or revokes) the owner's opt-in.</summary>
internal sealed class ConsentCommand : Command
{
    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (as for 'iotminer run')" };
    private readonly Option<bool> _accept = new("--accept") { Description = "Agree to mining as shown, on this device" };
    private readonly Option<bool> _revoke = new("--revoke") { Description = "Withdraw a recorded agreement" };

    public ConsentCommand()
        : base("consent", "Show what mining would do on this device (threads, power, pool, payout) and record or withdraw the owner's agreement.")
    {
        Options.Add(_config);
        Options.Add(_accept);
        Options.Add(_revoke);
        TreatUnmatchedTokensAsErrors = false;
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        if (parse.GetValue(_accept) && parse.GetValue(_revoke))
        {
            throw new UsageException("--accept and --revoke contradict each other: give one.");
        }

        AgentSetup setup;
        try
        {
            setup = AgentSetup.Load(parse.GetValue(_config), parse.UnmatchedTokens.ToArray(), Directory.GetCurrentDirectory());
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine("iotminer consent: " + ex.Message);
            return ExitCodes.Config;
        }

        if (parse.GetValue(_revoke))
        {
            bool existed = ConsentRecord.Revoke(setup.StateDirectory);
            output.WriteLine(existed ? "Agreement withdrawn: iotminer will not hash until it is given again." : "There was no recorded agreement.");
            if (setup.Agent.Consent)
            {
                output.WriteLine("Note: the config file still says \"consent\": true; set it to false to stop mining.");
            }

            return ExitCodes.Ok;
        }

        // The owner decides with the same estimate 'iotminer estimate' prints (a short bench, the pool's or node's figures).
        EstimateInputs inputs = new EstimateSources(setup)
            .GatherAsync(setup.Runtime.Algorithm, EstimateSources.Given.None, TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult();
        MiningPlan plan = setup.Plan with { Estimate = EstimateReport.Table(EarningsEstimate.From(inputs), setup.Runtime.Threads).TrimEnd() };
        output.WriteLine("Mining on this device would run:");
        output.WriteLine(plan.Describe());
        if (parse.GetValue(_accept))
        {
            ConsentRecord.Write(setup.StateDirectory, plan, DateTimeOffset.UtcNow);
            output.WriteLine($"Agreement recorded in {Path.Combine(setup.StateDirectory, ConsentRecord.FileName)}. Changing the pool, payout or algorithm will ask again.");
        }
        else
        {
            output.WriteLine(setup.HasConsent ? "The owner has agreed to this." : "Not agreed yet: run 'iotminer consent --accept' to agree.");
        }

        return ExitCodes.Ok;
    }
}
