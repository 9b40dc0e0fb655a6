using System;
using System.Net.Http;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Builds the Duino-Coin work source from the setup: tier, rig name, miner name and the IoT field decided here.</summary>
public static class DuinoSources
{
    /// <summary>How long one thread is measured when <c>duino:difficulty</c> is empty.</summary>
    private static readonly TimeSpan ProbeDuration = TimeSpan.FromMilliseconds(300);

    /// <summary>The work source for <c>mining:algorithm = duco-s1</c>.</summary>
    public static DuinoWorkSource Create(AgentSetup setup, IThrottleStatus throttle, ILoggerFactory loggers)
    {
        ILogger logger = loggers.CreateLogger(typeof(DuinoSources));
        DuinoClientOptions options = setup.Duino;
        var settings = new DuinoClientSettings(
            options, setup.Runtime.Threads, StartTier(options, setup.Runtime, logger),
            options.RigId.Length > 0 ? options.RigId : DeviceId.Resolve(setup.Mqtt.DeviceId),
            // No comma may appear in the submit line's miner field.
            "iotminer " + AgentVersion.Current.Replace(',', '.'),
            // Only tells this rig's sessions apart: Random.Shared, so starting does not load OpenSSL for it.
            (uint)Random.Shared.Next(int.MaxValue));
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        return new DuinoWorkSource(new DuinoClient(settings, () => IotField(throttle), http, loggers.CreateLogger<DuinoClient>()));
    }

    private static DuinoTier StartTier(DuinoClientOptions options, MiningRuntime runtime, ILogger logger)
    {
        if (DuinoTiers.TryFind(options.Difficulty, out DuinoTier configured))
        {
            return configured;
        }

        double rate = DuinoTierChoice.MeasurePerThread(runtime.Engine, ProbeDuration);
        DuinoTier tier = DuinoTierChoice.For(rate);
        logger.LogInformation("duino:difficulty is not set: one thread of engine {Engine} measured {Rate:0} H/s over {Ms:0} ms, so tier {Tier} (start difficulty {Difficulty}: a job every {Seconds:0.#} s on average per thread)",
            runtime.Engine.Name, rate, ProbeDuration.TotalMilliseconds, tier, tier.StartDifficulty, 50.0 * tier.StartDifficulty / Math.Max(rate, 1));
        return tier;
    }

    // The board's temperature for the pool's worker list, when a sensor reads one.
    private static string IotField(IThrottleStatus throttle) =>
        throttle.TemperatureC is double celsius && celsius is > -1000 and < 10000 ? DuinoIotField.Temperature(celsius) : string.Empty;
}
