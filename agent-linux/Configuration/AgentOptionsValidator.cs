using System;
using System.Collections.Generic;
using System.Globalization;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;
using Microsoft.Extensions.Options;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>
/// Checks the mining, pool and demo settings at start; each failure names the key, the value and what is allowed,
/// and stops the agent with exit code 78 (EX_CONFIG).
/// </summary>
public sealed class AgentOptionsValidator : IValidateOptions<MiningOptions>, IValidateOptions<DemoOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MiningOptions options)
    {
        var failures = new List<string>();
        if (options.Algorithm is not (Algorithms.Sha256d or Algorithms.Scrypt or Algorithms.DucoS1))
        {
            failures.Add($"mining:algorithm = '{options.Algorithm}' is not supported: use sha256d, scrypt or duco-s1.");
        }
        else if (!string.Equals(options.Engine, "auto", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                EngineCatalog.Find(options.Algorithm, options.Engine);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"mining:engine = '{options.Engine}' cannot be used: {ex.Message} Use \"auto\" to pick the fastest.");
            }
        }

        int cores = Environment.ProcessorCount;
        if (options.Threads < 0 || options.Threads > cores)
        {
            failures.Add($"mining:threads = {options.Threads} is out of range: use 0 (one per core) or 1..{cores} (this machine has {cores} cores).");
        }

        return Result(failures);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (!Difficulty.TryParse(options.ShareDifficulty, out _))
        {
            failures.Add($"demo:shareDifficulty = '{options.ShareDifficulty}' is not a difficulty: use a positive number such as 0.001.");
        }

        if (options.JobSeconds is < 1 or > 3600)
        {
            failures.Add($"demo:jobSeconds = {options.JobSeconds.ToString(CultureInfo.InvariantCulture)} is out of range: use 1..3600.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures)
        => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
