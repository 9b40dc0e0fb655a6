using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Configuration.Keys;
using IotMinerAgent.Linux.Duino;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Everything decided before the host starts: configuration, validated options, the plan and consent.</summary>
/// <param name="Configuration">The merged configuration.</param>
/// <param name="Agent">Top-level options.</param>
/// <param name="Mining">The mining section.</param>
/// <param name="Demo">The demo section, used when no pool is configured.</param>
/// <param name="Stratum">The stratum section: pools, primary first (none: the local demo), and client settings.</param>
/// <param name="Governor">The governor section, its thread count taken from mining:threads.</param>
/// <param name="Mqtt">The validated mqtt section.</param>
/// <param name="Energy">The energy section: the owner's power figures.</param>
/// <param name="Runtime">Engine and threads resolved for this machine.</param>
/// <param name="Plan">What will run, as shown to the owner.</param>
/// <param name="StateDirectory">Where state lives.</param>
/// <param name="HasConsent">True when the owner opted in for this plan.</param>
public sealed record AgentSetup(IConfiguration Configuration, AgentOptions Agent, MiningOptions Mining, DemoOptions Demo, StratumClientOptions Stratum,
    GovernorOptions Governor, MqttOptions Mqtt, EnergyOptions Energy, MiningRuntime Runtime, MiningPlan Plan, string StateDirectory, bool HasConsent)
{
    /// <summary>Loads and validates; throws <see cref="ConfigurationException"/> naming the key, value and what is allowed.</summary>
    public static AgentSetup Load(string? configPath, IEnumerable<string> overrides, string workingDirectory)
    {
        IConfigurationRoot configuration = ConfigurationLoader.Load(ConfigurationLoader.ResolvePath(configPath, workingDirectory), overrides);
        IReadOnlyList<string> warnings = CheckKeys(configuration);
        AgentOptions agent = Bind("configuration", () => configuration.Get<AgentOptions>());
        MiningOptions mining = Bind(MiningOptions.Section, () => configuration.GetSection(MiningOptions.Section).Get<MiningOptions>());
        DemoOptions demo = Bind(DemoOptions.Section, () => configuration.GetSection(DemoOptions.Section).Get<DemoOptions>());
        var validator = new AgentOptionsValidator();
        List<string> failures = [.. Failures(validator.Validate(null, mining)), .. Failures(validator.Validate(null, demo))];
        StratumClientOptions stratum = Bind("stratum", () => configuration.GetSection("stratum").Get<StratumClientOptions>());
        stratum.Algorithm = mining.Algorithm;
        stratum.UserAgent = "iotminer/" + AgentVersion.Current;
        DuinoClientOptions duino = Bind(DuinoClientOptions.Section, () => configuration.GetSection(DuinoClientOptions.Section).Get<DuinoClientOptions>());
        bool mineDuino = mining.Algorithm == Algorithms.DucoS1;
        if (mineDuino)
        {
            failures.AddRange(duino.Validate());
        }
        else if (stratum.Pools.Count > 0)
        {
            failures.AddRange(stratum.Validate());
        }

        EnergyOptions energy = Bind(EnergyOptions.Section, () => configuration.GetSection(EnergyOptions.Section).Get<EnergyOptions>());
        failures.AddRange(energy.Validate());
        if (failures.Count > 0)
        {
            throw new ConfigurationException(string.Join("\n", failures));
        }

        MqttOptions mqtt;
        try
        {
            mqtt = MqttOptions.Parse(key => configuration[key]);
        }
        catch (MqttOptionsException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        EnergyRuleOptions energyRule = EnergyRuleOptions.Parse(key => configuration[key], mqtt.Enabled);
        var runtime = MiningRuntime.From(mining);
        GovernorOptions governor = Bind(GovernorOptions.Section, () => configuration.GetSection(GovernorOptions.Section).Get<GovernorOptions>());
        governor.Threads = runtime.Threads;
        if (!governor.TryCreatePolicy(System.Environment.ProcessorCount, out _, out IReadOnlyList<string> governorErrors))
        {
            throw new ConfigurationException(string.Join("\n", governorErrors));
        }

        if (!string.IsNullOrWhiteSpace(governor.TemperatureSensor))
        {
            // A pinned sensor that cannot be read is a configuration error (exit 78), found before the host exists.
            try
            {
                new Hardware.TemperatureSensorFactory().Create(governor.TemperatureSensor);
            }
            catch (System.ArgumentException ex)
            {
                throw new ConfigurationException(ex.Message);
            }
        }

        PowerModel power = PowerModel.ForThisBoard(energy);
        EnergyPolicy energyPolicy = energyRule.ToPolicy(MilliWatts(power.FullLoadWatts), MilliWatts(power.IdleWatts), power.FullLoadWatts is null ? power.FullLoadSource : null);
        var plan = new MiningPlan(runtime.Algorithm, runtime.Threads, runtime.Engine.Name, mineDuino ? [] : stratum.Pools, power)
        {
            Duino = mineDuino ? duino : null,
        };
        string state = StatePath.Resolve(agent.StateDirectory);
        bool consent = agent.Consent || ConsentRecord.Matches(state, plan);
        ApiOptions api = ApiOptions.Parse(key => configuration[key]);
        return new AgentSetup(configuration, agent, mining, demo, stratum, governor, mqtt, energy, runtime, plan, state, consent)
        {
            Warnings = warnings,
            EnergyRule = energyRule,
            EnergyPolicy = energyPolicy,
            Duino = duino,
            Api = api,
        };
    }

    /// <summary>The energy rule's options (mode, prices, topics, budget): where its readings come from.</summary>
    public EnergyRuleOptions EnergyRule { get; init; } = new();

    /// <summary>The energy rule as the portable governor applies it (mode always unless configured).</summary>
    public EnergyPolicy EnergyPolicy { get; init; } = new();

    /// <summary>True when the agent mines local demo work (no Stratum pool, no Duino-Coin node): it earns a known nothing.</summary>
    public bool MinesDemoWork => Plan.Duino is null && Stratum.Pools.Count == 0;

    /// <summary>The duino section; used when <c>mining:algorithm = duco-s1</c>.</summary>
    public DuinoClientOptions Duino { get; init; } = new();


    /// <summary>
    /// Keys docs/configuration.md does not know (typos: "mining:thread", "governer:…"), each with the nearest documented
    /// key; shown once at start. Empty when every key is known.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The validated <c>api</c> section (REST API, <c>/metrics</c>, dashboard).</summary>
    public ApiOptions Api { get; init; } = new();

    /// <summary>
    /// Checks every value the binder converts (the gateway's are checked when it runs) and looks for unknown keys:
    /// returns them as warnings, or throws when <c>config:strict</c> is true.
    /// </summary>
    private static IReadOnlyList<string> CheckKeys(IConfiguration configuration)
    {
        List<string> errors = KeyCheck.ValueErrors(configuration, skip: GatewayOptions.Section);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(string.Join("\n", errors));
        }

        return UnknownKeyCheck.Warnings(configuration);
    }

    /// <summary>
    /// Runs one typed binding (each call names its type, so the trimming-safe binder generator can write it) and turns
    /// a value that does not convert into a message naming the section.
    /// </summary>
    private static T Bind<T>(string section, System.Func<T?> bind)
        where T : new()
    {
        try
        {
            return bind() ?? new T();
        }
        catch (System.InvalidOperationException ex)
        {
            throw new ConfigurationException($"{section}: {KeySpelling.InMessage(ex.InnerException?.Message ?? ex.Message)} See docs/configuration.md for the allowed values.");
        }
    }

    // The power model's watts (validated up to EnergyOptions.MaxWatts) in the portable rule's milliwatts; 0 when unknown.
    private static int MilliWatts(double? watts)
        => watts is double w ? (int)System.Math.Round(System.Math.Min(w, EnergyPolicy.MaxBoardMilliW / 1000.0) * 1000, System.MidpointRounding.AwayFromZero) : 0;

    private static IEnumerable<string> Failures(ValidateOptionsResult result) => result.Failed ? result.Failures : [];
}
