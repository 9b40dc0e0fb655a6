using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// The <c>energy</c> keys as the owner wrote them, read and checked once for the Linux agent and the ESP32
    /// firmware alike (<see cref="Parse"/>): the same names, defaults and messages on both. Fixed point, like the
    /// rest of the governor: prices and amounts in nano-units, power in mW, energy in mWh. <see cref="ToPolicy"/>
    /// turns them, with the board's power, into the <see cref="EnergyPolicy"/> the governor decides with.
    /// </summary>
    public sealed class EnergySettings
    {
        /// <summary>Default <c>energy:topicTimeout</c>, seconds: an hour without a message makes a topic's value unknown.</summary>
        public const int DefaultTopicTimeoutSeconds = 3600;

        /// <summary>Default <c>energy:minSwitchSeconds</c>.</summary>
        public const int DefaultMinSwitchSeconds = 300;

        /// <summary>Highest <c>energy:boardWatts</c> / <c>energy:idleWatts</c> accepted, W: far above any board, low enough to catch a slip (mW for W).</summary>
        public const int MaxWatts = 10000;

        /// <summary>Highest <c>energy:coinPrice</c> and <c>energy:blockReward</c> accepted, in units (fits nano-units in 64 bits).</summary>
        public const long MaxCoinUnits = 100000000L;

        // The keys, as the Linux agent's configuration names them; the ESP32's "energy" section holds the part after "energy:".
        internal const string Prefix = "energy:";

        /// <summary>Every key of the section, without the <c>energy:</c> prefix, in the order docs/configuration.md lists them.</summary>
        public static string[] KeyNames()
        {
            return new string[]
            {
                "mode", "boardWatts", "idleWatts", "margin", "pricePerKwh", "tariff", "priceTopic", "coinPrice", "coinPriceTopic", "blockReward",
                "surplusTopic", "powerTopic", "dailyKwh", "monthlyKwh", "minSwitchSeconds", "topicTimeout", "unknownAction", "currency",
            };
        }

        /// <summary>Creates the defaults: mode always, nothing set.</summary>
        public EnergySettings()
        {
            Tariff = new TariffPeriod[0];
            MinSwitchSeconds = DefaultMinSwitchSeconds;
            TopicTimeoutSeconds = DefaultTopicTimeoutSeconds;
            UnknownAction = UnknownEnergyAction.Pause;
            Errors = new string[0];
        }

        /// <summary><c>energy:mode</c>.</summary>
        public EnergyMode Mode { get; set; }

        /// <summary>True when <c>energy:boardWatts</c> is set.</summary>
        public bool HasBoardWatts { get; set; }

        /// <summary><c>energy:boardWatts</c> in mW.</summary>
        public int BoardMilliW { get; set; }

        /// <summary>True when <c>energy:idleWatts</c> is set.</summary>
        public bool HasIdleWatts { get; set; }

        /// <summary><c>energy:idleWatts</c> in mW.</summary>
        public int IdleMilliW { get; set; }

        /// <summary><c>energy:margin</c> in per mille (the key is a fraction: 0.2 = 200 ‰).</summary>
        public int MarginPermille { get; set; }

        /// <summary>True when <c>energy:pricePerKwh</c> is set.</summary>
        public bool HasPricePerKwh { get; set; }

        /// <summary><c>energy:pricePerKwh</c> in nano-units of the currency.</summary>
        public long PricePerKwhNano { get; set; }

        /// <summary><c>energy:tariff</c>.</summary>
        public TariffPeriod[] Tariff { get; set; }

        /// <summary><c>energy:priceTopic</c>, or null.</summary>
        public string? PriceTopic { get; set; }

        /// <summary>True when <c>energy:coinPrice</c> is set.</summary>
        public bool HasCoinPrice { get; set; }

        /// <summary><c>energy:coinPrice</c> in nano-units of the currency per coin.</summary>
        public long CoinPriceNano { get; set; }

        /// <summary><c>energy:coinPriceTopic</c>, or null.</summary>
        public string? CoinPriceTopic { get; set; }

        /// <summary>True when <c>energy:blockReward</c> is set.</summary>
        public bool HasBlockReward { get; set; }

        /// <summary><c>energy:blockReward</c> in nano-coins per block.</summary>
        public long BlockRewardNano { get; set; }

        /// <summary><c>energy:surplusTopic</c>, or null.</summary>
        public string? SurplusTopic { get; set; }

        /// <summary><c>energy:powerTopic</c>, or null.</summary>
        public string? PowerTopic { get; set; }

        /// <summary><c>energy:dailyKwh</c> in mWh.</summary>
        public long DailyMilliWh { get; set; }

        /// <summary><c>energy:monthlyKwh</c> in mWh; 0 for none.</summary>
        public long MonthlyMilliWh { get; set; }

        /// <summary><c>energy:minSwitchSeconds</c>.</summary>
        public int MinSwitchSeconds { get; set; }

        /// <summary><c>energy:topicTimeout</c> in seconds; 0: a value never goes stale.</summary>
        public int TopicTimeoutSeconds { get; set; }

        /// <summary><c>energy:unknownAction</c>.</summary>
        public UnknownEnergyAction UnknownAction { get; set; }

        /// <summary>
        /// The sign prices and costs are shown with while <c>energy:currency</c> is not set: ¤, Unicode's generic
        /// currency sign (U+00A4, "used when the specific currency is unknown"), rather than guessing the owner's.
        /// </summary>
        public const string UnsetCurrencySign = "\u00a4";

        /// <summary><c>energy:currency</c>: an ISO 4217 code (EUR, USD, CHF …); null when not set.</summary>
        public string? Currency { get; set; }

        /// <summary>Every problem <see cref="Parse"/> found, each naming the key, the value and what is allowed; empty when valid.</summary>
        public string[] Errors { get; set; }

        /// <summary>The topics to subscribe to, each once, in the order price, coin price, surplus, power.</summary>
        public string[] Topics()
        {
            string?[] all = { PriceTopic, CoinPriceTopic, SurplusTopic, PowerTopic };
            string[] found = new string[all.Length];
            int count = 0;
            for (int i = 0; i < all.Length; i++)
            {
                string? topic = all[i];
                if (topic != null && !Contains(found, count, topic))
                {
                    found[count++] = topic;
                }
            }

            string[] topics = new string[count];
            Array.Copy(found, topics, count);
            return topics;
        }

        /// <summary>
        /// Reads every key of the section through <paramref name="keys"/> and checks what can be checked without the
        /// board's power. The problems are in <see cref="Errors"/>, all of them, so the owner fixes the file once.
        /// </summary>
        /// <param name="keys">Where the values come from.</param>
        /// <param name="noBroker">Null when topics can be received; else why not and how to fix it, ending the message
        /// "energy:priceTopic is set but …" (e.g. "mqtt:enabled is false; …").</param>
        public static EnergySettings Parse(IEnergyKeyValues keys, string? noBroker)
        {
            EnergyKeyReader reader = new EnergyKeyReader(keys);
            EnergySettings s = new EnergySettings();
            s.Mode = reader.Mode();
            reader.Watts(s);
            s.MarginPermille = (int)reader.Fixed("margin", 3, 0, 10, "a fraction from 0 to 10 (0.2 = earnings must beat the cost by 20 %)");
            s.HasPricePerKwh = reader.Text("pricePerKwh") != null;
            s.PricePerKwhNano = reader.Fixed("pricePerKwh", 9, -EnergyPolicy.MaxPriceUnitsPerKwh, EnergyPolicy.MaxPriceUnitsPerKwh, "a price per kWh in the currency, e.g. 0.41");
            s.Tariff = reader.Tariff();
            s.PriceTopic = reader.Topic("priceTopic");
            s.HasCoinPrice = reader.Text("coinPrice") != null;
            s.CoinPriceNano = reader.Fixed("coinPrice", 9, 0, MaxCoinUnits, "the coin's price in the currency, e.g. 0.00035");
            s.CoinPriceTopic = reader.Topic("coinPriceTopic");
            s.HasBlockReward = reader.Text("blockReward") != null;
            s.BlockRewardNano = reader.Fixed("blockReward", 9, 0, MaxCoinUnits, "coins per block, e.g. 6.25 for Litecoin since August 2023");
            s.SurplusTopic = reader.Topic("surplusTopic");
            s.PowerTopic = reader.Topic("powerTopic");
            s.DailyMilliWh = reader.Fixed("dailyKwh", 6, 0, 10000, "kWh from 0 to 10000, e.g. 0.05");
            s.MonthlyMilliWh = reader.Fixed("monthlyKwh", 6, 0, 10000, "kWh from 0 to 10000, e.g. 1.5 (0: no monthly limit)");
            s.MinSwitchSeconds = reader.Whole("minSwitchSeconds", DefaultMinSwitchSeconds, 0, 86400);
            s.TopicTimeoutSeconds = reader.Whole("topicTimeout", DefaultTopicTimeoutSeconds, 0, 7 * 86400);
            s.UnknownAction = reader.UnknownAction();
            s.Currency = reader.Currency();
            reader.CheckCombination(s, noBroker);
            s.Errors = reader.Errors();
            return s;
        }

        /// <summary>
        /// The problems with <c>energy:boardWatts</c> and <c>energy:idleWatts</c> given as text (null: not set); the
        /// Linux agent binds them as numbers and checks them here, so the messages are the firmware's too.
        /// </summary>
        public static string[] WattsErrors(string? boardWatts, string? idleWatts)
        {
            EnergyKeyReader reader = new EnergyKeyReader(new TwoKeys(boardWatts, idleWatts));
            reader.Watts(new EnergySettings());
            return reader.Errors();
        }

        /// <summary>
        /// The portable policy for a board drawing <paramref name="boardMilliW"/> mining at full duty and
        /// <paramref name="idleMilliW"/> idle (0 when unknown); check it with <c>Validate("energy:")</c>.
        /// </summary>
        public EnergyPolicy ToPolicy(int boardMilliW, int idleMilliW)
        {
            EnergyPolicy policy = new EnergyPolicy();
            policy.Mode = Mode;
            policy.MarginPermille = MarginPermille;
            policy.BoardMilliW = boardMilliW;
            policy.IdleMilliW = idleMilliW;
            policy.HasFlatPrice = HasPricePerKwh;
            policy.FlatPriceNanoPerKwh = PricePerKwhNano;
            TariffPeriod[] tariff = new TariffPeriod[Tariff.Length];
            Array.Copy(Tariff, tariff, Tariff.Length);
            policy.Tariff = tariff;
            policy.PriceFromTopic = PriceTopic != null;
            policy.DailyBudgetMilliWh = DailyMilliWh;
            policy.MonthlyBudgetMilliWh = MonthlyMilliWh;
            policy.MinSwitchSeconds = MinSwitchSeconds;
            policy.UnknownAction = UnknownAction;
            policy.Currency = Currency == null ? UnsetCurrencySign : Currency;
            return policy;
        }

        private static bool Contains(string[] list, int count, string value)
        {
            for (int i = 0; i < count; i++)
            {
                if (list[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        // The two power keys alone, for WattsErrors.
        private sealed class TwoKeys : IEnergyKeyValues
        {
            private readonly string? _board;
            private readonly string? _idle;

            public TwoKeys(string? board, string? idle)
            {
                _board = board;
                _idle = idle;
            }

            public string? Value(string key)
            {
                return key == Prefix + "boardWatts" ? _board : key == Prefix + "idleWatts" ? _idle : null;
            }
        }
    }
}
