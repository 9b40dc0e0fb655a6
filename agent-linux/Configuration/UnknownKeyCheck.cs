using System.Collections.Generic;
using IotMinerAgent.Linux.Configuration.Keys;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>What the agent and the gateway do with keys docs/configuration.md does not know: warn, or with <see cref="StrictKey"/> refuse.</summary>
public static class UnknownKeyCheck
{
    /// <summary>The key that turns unknown keys from warnings into errors (exit 78).</summary>
    public const string StrictKey = "config:strict";

    /// <summary>
    /// Renamed keys still in use (one message each naming the new key), then the keys docs/configuration.md does not
    /// know, one message each naming the nearest documented key; with
    /// <c>config:strict</c> true they are an error instead (<see cref="ConfigurationException"/>, exit 78).
    /// </summary>
    public static IReadOnlyList<string> Warnings(IConfiguration configuration)
    {
        List<string> deprecated = DeprecatedKeys.Warnings(configuration);
        List<string> unknown = KeyCheck.UnknownKeys(configuration);
        if (unknown.Count > 0 && bool.TryParse(configuration[StrictKey], out bool strict) && strict)
        {
            throw new ConfigurationException(string.Join("\n", unknown) +
                $"\n{StrictKey} is true, so an unknown key stops the agent: correct or remove it (docs/configuration.md lists the keys).");
        }

        return [.. deprecated, .. unknown];
    }
}
