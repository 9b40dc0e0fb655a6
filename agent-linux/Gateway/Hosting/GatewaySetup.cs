using System.Collections.Generic;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Gateway.Energy;
using IotMinerAgent.Linux.Mqtt.Connection;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>Everything the gateway decides before its host starts: configuration, the validated gateway and mqtt sections.</summary>
/// <param name="Configuration">The merged configuration.</param>
/// <param name="Gateway">The validated <c>gateway</c> section.</param>
/// <param name="Mqtt">The validated <c>mqtt</c> section (the agent's).</param>
/// <param name="StateDirectory">Where state (the SQLite ledger) lives.</param>
public sealed record GatewaySetup(IConfiguration Configuration, GatewayOptions Gateway, MqttOptions Mqtt, string StateDirectory)
{
    /// <summary>The prices of the fleet energy ledger: the agent's <c>energy</c> keys, read and checked as the agent reads them.</summary>
    public FleetEnergyPrices EnergyPrices { get; init; } = FleetEnergyPrices.None;

    /// <summary>Loads the configuration as <c>iotminer run</c> does and validates what the gateway needs.</summary>
    /// <exception cref="ConfigurationException">Names every invalid key, its value and the fix.</exception>
    public static GatewaySetup Load(string? configPath, IEnumerable<string> overrides, string workingDirectory)
    {
        IConfigurationRoot configuration = ConfigurationLoader.Load(ConfigurationLoader.ResolvePath(configPath, workingDirectory), overrides);
        string state = StatePath.Resolve(configuration["stateDirectory"] ?? "");
        return From(configuration, state);
    }

    /// <summary>
    /// The gateway of an agent's configuration (already loaded, with its state directory and MQTT options) when
    /// <c>gateway:enabled</c> is true, else null.
    /// </summary>
    /// <exception cref="ConfigurationException">Names every invalid key, its value and the fix.</exception>
    public static GatewaySetup? ForAgent(IConfiguration configuration, string stateDirectory, MqttOptions mqtt)
    {
        // Nothing of the gateway is checked unless it is asked for: a miner alone needs no broker on the network.
        // The one reader of the key decides (no/off/0 mean false here exactly as in GatewayOptions).
        return GatewayOptions.IsEnabled(configuration) ? From(configuration, stateDirectory, mqtt) : null;
    }

    static GatewaySetup From(IConfiguration configuration, string stateDirectory, MqttOptions? mqtt = null)
    {
        if (mqtt is null)
        {
            try
            {
                mqtt = MqttOptions.Parse(key => configuration[key]);
            }
            catch (MqttOptionsException exception)
            {
                throw new ConfigurationException(exception.Message);
            }
        }

        return new GatewaySetup(configuration, GatewayOptions.Load(configuration, stateDirectory, mqtt), mqtt, stateDirectory)
        {
            EnergyPrices = new FleetEnergyPrices(EnergyRuleOptions.Parse(key => configuration[key], mqttEnabled: true)),
        };
    }
}
