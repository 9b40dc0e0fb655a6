using System;
using System.Collections.Generic;
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
    public const int DefaultTopicTimeoutSeconds = EnergySettings.DefaultTopicTimeoutSeconds;

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

    /// <summary>The sign prices and costs are shown with while <c>energy:currency</c> is not set (see <see cref="EnergySettings.UnsetCurrencySign"/>).</summary>
    public const string UnsetCurrencySign = EnergySettings.UnsetCurrencySign;

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
    /// The reading and its messages are the portable <see cref="EnergySettings"/>, shared with the ESP32 firmware.
    /// </summary>
    /// <exception cref="ConfigurationException">Lists every invalid key with its value and what is allowed.</exception>
    public static EnergyRuleOptions Parse(Func<string, string?> lookup, bool mqttEnabled)
    {
        EnergySettings s = EnergySettings.Parse(new Lookup(lookup), mqttEnabled ? null
            : "mqtt:enabled is false; topics arrive over the agent's MQTT connection: set mqtt:enabled = true and mqtt:host to the broker that carries them");
        if (s.Errors.Length > 0)
        {
            throw new ConfigurationException(string.Join("\n", s.Errors));
        }

        return new EnergyRuleOptions
        {
            Mode = s.Mode,
            MarginPermille = s.MarginPermille,
            PricePerKwhNano = s.HasPricePerKwh ? s.PricePerKwhNano : null,
            Tariff = s.Tariff,
            PriceTopic = s.PriceTopic,
            CoinPrice = s.HasCoinPrice ? Units(s.CoinPriceNano) : null,
            CoinPriceTopic = s.CoinPriceTopic,
            BlockReward = s.HasBlockReward ? Units(s.BlockRewardNano) : null,
            SurplusTopic = s.SurplusTopic,
            PowerTopic = s.PowerTopic,
            DailyMilliWh = s.DailyMilliWh,
            MonthlyMilliWh = s.MonthlyMilliWh,
            MinSwitchSeconds = s.MinSwitchSeconds,
            TopicTimeout = TimeSpan.FromSeconds(s.TopicTimeoutSeconds),
            UnknownAction = s.UnknownAction,
            Currency = s.Currency,
        };
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

    /// <summary>
    /// The energy price the keys give for local minute of the day <paramref name="minuteOfDay"/>: the
    /// <c>energy:tariff</c> period covering it, else <c>energy:pricePerKwh</c>; null when neither is set
    /// (<c>energy:priceTopic</c> is its reader's to follow).
    /// </summary>
    public double? ConfiguredPricePerKwhAt(int minuteOfDay)
    {
        foreach (TariffPeriod period in Tariff)
        {
            if (period.Window.Contains(minuteOfDay))
            {
                return Units(period.PriceNanoPerKwh);
            }
        }

        return PricePerKwhNano is long flat ? Units(flat) : null;
    }

    private static double Units(long nano) => nano / (double)TariffPeriod.NanoPerUnit;

    private sealed class Lookup(Func<string, string?> lookup) : IEnergyKeyValues
    {
        public string? Value(string key) => lookup(key);
    }
}
