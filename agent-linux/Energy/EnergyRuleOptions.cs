using System;
using System.Collections.Generic;
using System.Globalization;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The energy rule's keys of the <c>energy</c> section (mode, prices, topics, budget, switching), read and validated
/// by <see cref="Parse"/>; <see cref="ToPolicy"/> turns them, with the board's power figures, into the portable
/// <see cref="EnergyPolicy"/>. Every error names its key, the value and what is allowed.
/// </summary>
public sealed record EnergyRuleOptions
{
    /// <summary>Default <c>energy:topicTimeout</c>, seconds: an hour without a message makes a topic's value unknown.</summary>
    public const int DefaultTopicTimeoutSeconds = 3600;

    /// <summary><c>energy:mode</c>.</summary>
    public EnergyMode Mode { get; init; }

    /// <summary><c>energy:margin</c> in per mille (the key is a fraction: 0.2 = 200 ‰).</summary>
    public int MarginPermille { get; init; }

    /// <summary><c>energy:pricePerKwh</c> in nano-units of the currency; null when not set.</summary>
    public long? PricePerKwhNano { get; init; }

    /// <summary><c>energy:tariff</c>.</summary>
    public IReadOnlyList<TariffPeriod> Tariff { get; init; } = [];

    /// <summary><c>energy:priceTopic</c>: the current energy price, currency per kWh.</summary>
    public string? PriceTopic { get; init; }

    /// <summary><c>energy:coinPrice</c>: the coin's price in the currency; null when not set.</summary>
    public double? CoinPrice { get; init; }

    /// <summary><c>energy:coinPriceTopic</c>: the coin's current price in the currency.</summary>
    public string? CoinPriceTopic { get; init; }

    /// <summary><c>energy:blockReward</c>: coins per block of the coin the pool mines; null when not set (pool earnings unknown).</summary>
    public double? BlockReward { get; init; }

    /// <summary><c>energy:surplusTopic</c>: exported watts (positive = exporting).</summary>
    public string? SurplusTopic { get; init; }

    /// <summary><c>energy:powerTopic</c>: the board's measured draw, watts.</summary>
    public string? PowerTopic { get; init; }

    /// <summary><c>energy:dailyKwh</c> in mWh.</summary>
    public long DailyMilliWh { get; init; }

    /// <summary><c>energy:monthlyKwh</c> in mWh; 0 for none.</summary>
    public long MonthlyMilliWh { get; init; }

    /// <summary><c>energy:minSwitchSeconds</c>.</summary>
    public int MinSwitchSeconds { get; init; } = 300;

    /// <summary><c>energy:topicTimeout</c>: after this long without a message a topic's value is unknown; zero never.</summary>
    public TimeSpan TopicTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTopicTimeoutSeconds);

    /// <summary><c>energy:unknownAction</c>.</summary>
    public UnknownEnergyAction UnknownAction { get; init; } = UnknownEnergyAction.Pause;

    /// <summary>
    /// The sign prices and costs are shown with while <c>energy:currency</c> is not set: ¤, Unicode's generic currency
    /// sign (U+00A4, "used when the specific currency is unknown"), rather than guessing the owner's.
    /// </summary>
    public const string UnsetCurrencySign = "¤";

    /// <summary><c>energy:currency</c>: an ISO 4217 alphabetic code (EUR, USD, CHF …); null when not set.</summary>
    public string? Currency { get; init; }

    /// <summary>The topics to subscribe to (each once), empty when the rule reads none.</summary>
    public IReadOnlyList<string> Topics
    {
        get
        {
            var topics = new List<string>();
            foreach (string? topic in new[] { PriceTopic, CoinPriceTopic, SurplusTopic, PowerTopic })
            {
                if (topic is not null && !topics.Contains(topic))
                {
                    topics.Add(topic);
                }
            }

            return topics;
        }
    }

    /// <summary>
    /// Reads the keys through <paramref name="lookup"/> (e.g. <c>key =&gt; configuration[key]</c>) and checks what can be
    /// checked without the board's power; <paramref name="mqttEnabled"/> says whether topics can be received at all.
    /// </summary>
    /// <exception cref="ConfigurationException">Lists every invalid key with its value and what is allowed.</exception>
    public static EnergyRuleOptions Parse(Func<string, string?> lookup, bool mqttEnabled)
    {
        var reader = new Reader(lookup);
        var options = new EnergyRuleOptions
        {
            Mode = reader.Mode("energy:mode"),
            MarginPermille = (int)reader.Fixed("energy:margin", 3, 0, 10, "a fraction from 0 to 10 (0.2 = earnings must beat the cost by 20 %)"),
            PricePerKwhNano = reader.Text("energy:pricePerKwh") is null ? null
                : reader.Fixed("energy:pricePerKwh", 9, -EnergyPolicy.MaxPriceUnitsPerKwh, EnergyPolicy.MaxPriceUnitsPerKwh, "a price per kWh in the currency, e.g. 0.41"),
            Tariff = reader.Tariff("energy:tariff"),
            PriceTopic = reader.Topic("energy:priceTopic"),
            CoinPrice = reader.Text("energy:coinPrice") is null ? null : reader.NonNegative("energy:coinPrice", "the coin's price in the currency, e.g. 0.00035"),
            CoinPriceTopic = reader.Topic("energy:coinPriceTopic"),
            BlockReward = reader.Text("energy:blockReward") is null ? null : reader.NonNegative("energy:blockReward", "coins per block, e.g. 6.25 for Litecoin since August 2023"),
            SurplusTopic = reader.Topic("energy:surplusTopic"),
            PowerTopic = reader.Topic("energy:powerTopic"),
            DailyMilliWh = reader.Fixed("energy:dailyKwh", 6, 0, 10_000, "kWh from 0 to 10000, e.g. 0.05"),
            MonthlyMilliWh = reader.Fixed("energy:monthlyKwh", 6, 0, 10_000, "kWh from 0 to 10000, e.g. 1.5 (0: no monthly limit)"),
            MinSwitchSeconds = reader.Int("energy:minSwitchSeconds", 300, 0, 86_400),
            TopicTimeout = TimeSpan.FromSeconds(reader.Int("energy:topicTimeout", DefaultTopicTimeoutSeconds, 0, 7 * 86_400)),
            UnknownAction = reader.UnknownAction("energy:unknownAction"),
            Currency = reader.Currency("energy:currency"),
        };
        reader.CheckCombination(options, mqttEnabled);
        reader.ThrowIfInvalid();
        return options;
    }

    /// <summary>The portable policy for a board drawing <paramref name="boardMilliW"/> mining at full duty and <paramref name="idleMilliW"/> idle (0 when unknown).</summary>
    /// <param name="boardMilliW">Watts mining at full duty, in mW; 0 when unknown.</param>
    /// <param name="idleMilliW">Watts idle, in mW; 0 when unknown.</param>
    /// <param name="powerNote">Why the board's power is unknown (the power model's source text), added to an error that needs it; null when known.</param>
    /// <exception cref="ConfigurationException">The combination is not usable (e.g. a mode that needs the board's power without it); names the keys.</exception>
    public EnergyPolicy ToPolicy(int boardMilliW, int idleMilliW, string? powerNote = null)
    {
        var policy = new EnergyPolicy
        {
            Mode = Mode,
            MarginPermille = MarginPermille,
            BoardMilliW = boardMilliW,
            IdleMilliW = idleMilliW,
            HasFlatPrice = PricePerKwhNano is not null,
            FlatPriceNanoPerKwh = PricePerKwhNano ?? 0,
            Tariff = [.. Tariff],
            PriceFromTopic = PriceTopic is not null,
            DailyBudgetMilliWh = DailyMilliWh,
            MonthlyBudgetMilliWh = MonthlyMilliWh,
            MinSwitchSeconds = MinSwitchSeconds,
            UnknownAction = UnknownAction,
            Currency = Currency ?? UnsetCurrencySign,
        };
        string[] errors = policy.Validate("energy:");
        if (errors.Length > 0)
        {
            string note = powerNote is not null && boardMilliW == 0 ? $" The board's power is {powerNote}." : "";
            throw new ConfigurationException(string.Join("\n", errors) + note);
        }

        return policy;
    }

    private sealed class Reader(Func<string, string?> lookup) : SettingReader(lookup)
    {
        public EnergyMode Mode(string key)
        {
            switch (Text(key)?.ToLowerInvariant())
            {
                case null or "always": return EnergyMode.Always;
                case "profitable": return EnergyMode.Profitable;
                case "surplus": return EnergyMode.Surplus;
                case "budget": return EnergyMode.Budget;
                default:
                    Errors.Add($"{key} = '{Text(key)}' is invalid; allowed: always, profitable, surplus or budget");
                    return EnergyMode.Always;
            }
        }

        public UnknownEnergyAction UnknownAction(string key)
        {
            switch (Text(key)?.ToLowerInvariant())
            {
                case null or "pause": return UnknownEnergyAction.Pause;
                case "mine": return UnknownEnergyAction.Mine;
                default:
                    Errors.Add($"{key} = '{Text(key)}' is invalid; allowed: pause or mine");
                    return UnknownEnergyAction.Pause;
            }
        }

        // A decimal kept in fixed point (× 10^decimals), within [min, max] in the owner's units.
        public long Fixed(string key, int decimals, long min, long max, string allowed)
        {
            string? value = Text(key);
            if (value is null)
            {
                return 0;
            }

            long scale = (long)Math.Pow(10, decimals);
            if (DecimalText.TryParse(value, decimals, out long parsed) && parsed >= min * scale && parsed <= max * scale)
            {
                return parsed;
            }

            Errors.Add($"{key} = '{value}' is invalid; allowed: {allowed}");
            return 0;
        }

        public double NonNegative(string key, string allowed)
        {
            string? value = Text(key);
            if (value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed) && parsed >= 0)
            {
                return parsed;
            }

            Errors.Add($"{key} = '{value}' is invalid; allowed: {allowed}");
            return 0;
        }

        public IReadOnlyList<TariffPeriod> Tariff(string key)
        {
            var periods = new List<TariffPeriod>();
            foreach (string entry in (Text(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TariffPeriod.TryParse(entry, out TariffPeriod period) && period.Window.IsValid)
                {
                    periods.Add(period);
                }
                else
                {
                    Errors.Add($"{key} entry '{entry}' is invalid; allowed: HH:MM-HH:MM=price on a 24-hour clock, entries separated by commas, e.g. 07:00-22:00=0.41,22:00-07:00=0.19");
                }
            }

            return periods;
        }

        // ISO 4217 alphabetic codes are three upper-case Latin letters (iso.org/iso-4217-currency-codes.html).
        public string? Currency(string key)
        {
            string? value = Text(key);
            if (value is not null && (value.Length != 3 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]) || !char.IsAsciiLetterUpper(value[2])))
            {
                Errors.Add($"{key} = '{value}' is invalid; allowed: an ISO 4217 currency code, three capital letters, e.g. EUR, USD, GBP or CHF");
                return null;
            }

            return value;
        }

        public string? Topic(string key)
        {
            string? value = Text(key);
            // MQTT 3.1.1 §4.7: '+' and '#' are wildcards, not allowed in a topic name; a name is at most 65535 bytes.
            if (value is not null && (value.AsSpan().IndexOfAny("#+") >= 0 || value.Length > 1024))
            {
                Errors.Add($"{key} = '{value}' is invalid; allowed: one MQTT topic name without the wildcards '+' and '#', e.g. homeassistant/sensor/electricity_price/state");
                return null;
            }

            return value;
        }

        public void CheckCombination(EnergyRuleOptions options, bool mqttEnabled)
        {
            if (options.Mode == EnergyMode.Surplus && options.SurplusTopic is null)
            {
                Errors.Add("energy:mode = surplus needs energy:surplusTopic (an MQTT topic carrying exported watts, positive = exporting)");
            }

            if (!mqttEnabled && options.Topics.Count > 0)
            {
                Errors.Add($"energy:{TopicKey(options)} is set but mqtt:enabled is false; topics arrive over the agent's MQTT connection: set mqtt:enabled = true and mqtt:host to the broker that carries them");
            }
        }

        private static string TopicKey(EnergyRuleOptions options) =>
            options.PriceTopic is not null ? "priceTopic" : options.CoinPriceTopic is not null ? "coinPriceTopic" : options.SurplusTopic is not null ? "surplusTopic" : "powerTopic";

        public void ThrowIfInvalid()
        {
            if (Errors.Count > 0)
            {
                throw new ConfigurationException(string.Join("\n", Errors));
            }
        }
    }
}
