using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Governor;
using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// The <c>energy</c> section of <c>I:\iotminer.json</c>: the Linux agent's <c>energy:*</c> keys under the same
    /// names (<c>"energy": { "mode": "profitable", "priceTopic": "home/price" }</c>), read by the portable
    /// <see cref="EnergySettings"/> so defaults and messages are the agent's; and the board's power for the energy
    /// policy: <c>boardWatts</c>/<c>idleWatts</c> when given, else the board table's figures for the chip.
    /// </summary>
    internal sealed class EnergySection : IEnergyKeyValues
    {
        private const string Prefix = "energy:";

        private readonly JsonValue? _section;

        private EnergySection(JsonValue? section)
        {
            _section = section;
        }

        /// <summary>Reads the section (null: absent, every key at its default) and adds its problems to <paramref name="fields"/>.</summary>
        public static EnergySettings Read(ConfigFields fields, JsonValue? section, bool hasBroker)
        {
            EnergySettings settings = EnergySettings.Parse(new EnergySection(section), hasBroker ? null
                : "there is no broker; topics arrive over the board's MQTT connection: add an \"mqtt\" section with the broker that carries them");
            for (int i = 0; i < settings.Errors.Length; i++)
            {
                fields.Add(settings.Errors[i]);
            }

            return settings;
        }

        /// <summary>
        /// The energy policy for a board with chip <paramref name="chipModel"/> (<c>ESP32</c>, <c>ESP32-S3</c>; null or
        /// another chip: not in the board table, so the mode needs <c>energy.boardWatts</c>).
        /// </summary>
        /// <param name="settings">The parsed section.</param>
        /// <param name="chipModel">The chip, for the board table's figures.</param>
        /// <param name="errors">Every problem, naming the key; empty when the policy is usable.</param>
        public static EnergyPolicy Policy(EnergySettings settings, string? chipModel, out string[] errors)
        {
            BoardPower? table = BoardPowerTable.Find(chipModel);
            int board = settings.HasBoardWatts ? settings.BoardMilliW : table == null ? 0 : table.FullLoadMilliwatts;
            int idle = settings.HasIdleWatts ? settings.IdleMilliW : table == null ? 0 : table.IdleMilliwatts;
            EnergyPolicy policy = settings.ToPolicy(board, idle);
            errors = policy.Validate(Prefix);
            if (errors.Length > 0 && board == 0)
            {
                errors[errors.Length - 1] += " The board's power is unknown: " + (chipModel == null ? "the chip is not known here" : "chip " + chipModel + " is not in the board table") +
                    " (docs/board-power.md).";
            }

            return policy;
        }

        /// <inheritdoc />
        public string? Value(string key)
        {
            if (_section == null || key.Length <= Prefix.Length)
            {
                return null;
            }

            JsonValue? value = _section.Member(key.Substring(Prefix.Length));
            if (value == null)
            {
                return null;
            }

            // Numbers, strings and booleans carry their text as written ("0.41" or 0.41); an object or array is shown by
            // its kind, which no key allows, so the reader names the key and what it takes.
            bool scalar = value.Kind == JsonKind.String || value.Kind == JsonKind.Number || value.Kind == JsonKind.Boolean;
            return scalar ? value.Text : JsonValue.Describe(value.Kind);
        }
    }
}
