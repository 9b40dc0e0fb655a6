using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>
/// Reads the agent's configuration: the JSON file (comments allowed), then environment variables
/// (<c>IOTMINER__Section__Key</c>, the .NET convention), then command-line overrides (<c>--mining:threads=2</c>),
/// each overriding the one before.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>Where the service's configuration lives.</summary>
    public const string SystemPath = "/etc/iotminer/iotminer.json";

    /// <summary>The configuration file next to where the command runs.</summary>
    public const string LocalFileName = "iotminer.json";

    /// <summary>The file to read: the one given, else /etc/iotminer/iotminer.json, else ./iotminer.json; null when none exists (embedded defaults).</summary>
    public static string? ResolvePath(string? given, string workingDirectory)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given, workingDirectory);
        }

        string local = Path.Combine(workingDirectory, LocalFileName);
        return File.Exists(SystemPath) ? SystemPath : File.Exists(local) ? local : null;
    }

    /// <summary>Builds the configuration; throws <see cref="ConfigurationException"/> with a message naming the file and the problem.</summary>
    public static IConfigurationRoot Load(string? path, IEnumerable<string> overrides)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new ConfigurationException($"config file {path} does not exist: create it (see docs/configuration.md) or pass another with --config FILE.");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables("IOTMINER__");
        builder.AddCommandLine([.. overrides]);
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or UnauthorizedAccessException or IOException)
        {
            string detail = ex.InnerException?.Message ?? ex.Message;
            throw new ConfigurationException($"config file {path} cannot be read: {detail} Fix the file (JSON, comments allowed) and start again.");
        }

        // Old spellings of renamed keys still work; UnknownKeyCheck warns about each once at start.
        Keys.DeprecatedKeys.Apply(configuration);
        return configuration;
    }
}

/// <summary>The configuration is unusable; the message says what and how to fix it. Exit code 78.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
