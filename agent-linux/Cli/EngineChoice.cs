using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Linux.Cli;

/// <summary>Turns <c>--engine NAME</c> (or its absence) into an engine, with an error listing the choices.</summary>
internal static class EngineChoice
{
    public static INonceScanner Resolve(string algorithm, string? name)
    {
        if (name is null)
        {
            return EngineCatalog.Fastest(algorithm);
        }

        try
        {
            return EngineCatalog.Find(algorithm, name);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--engine: {ex.Message}");
        }
    }
}
