using System.Collections.Generic;

namespace IotMinerAgent.Flash.Errors;

/// <summary>The device configuration is invalid; carries every problem found, each naming its key.</summary>
public sealed class ConfigException : FlashToolException
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public ConfigException(IReadOnlyList<string> problems)
        : base("invalid device configuration:" + string.Concat(FormatLines(problems)), ExitCodes.BadConfig)
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from one problem.</summary>
    public ConfigException(string problem)
        : this(new[] { problem })
    {
    }

    /// <summary>Every problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static IEnumerable<string> FormatLines(IReadOnlyList<string> problems)
    {
        foreach (string problem in problems)
        {
            yield return "\n  - " + problem;
        }
    }
}
