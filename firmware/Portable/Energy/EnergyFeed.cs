using IotMinerAgent.Governor;

namespace IotMinerAgent.Firmware.Energy
{
    /// <summary>
    /// The energy readings the governor decides on, as the Linux agent's <c>EnergyInputs</c> fills them: the topics
    /// of the <c>energy</c> section (price, coin price, surplus, measured power) as they last arrived over the board's
    /// MQTT link, with their arrival time for <c>energy:topicTimeout</c>, and the earnings. The board cannot tell what
    /// its work earns (only the gateway knows the pool), so the earnings are a known zero when the owner says the coin
    /// is worth nothing (<c>energy:coinPrice</c> or its topic at 0: the gateway's demo work) or a block pays nothing
    /// (<c>energy:blockReward</c> = 0), and unknown otherwise. Used on the controller thread only.
    /// </summary>
    internal sealed class EnergyFeed
    {
        // Readings to the portable rule's units, clamped to what it accepts (the agent clamps the same way).
        private const long NanoPerMilliW = 1000000;
        private const long MaxWattsNano = 1000000L * TariffPeriod.NanoPerUnit;
        private const long MaxPriceNano = EnergyPolicy.MaxPriceUnitsPerKwh * TariffPeriod.NanoPerUnit;

        private readonly EnergySettings _settings;
        private readonly TopicReading? _price;
        private readonly TopicReading? _coinPrice;
        private readonly TopicReading? _surplus;
        private readonly TopicReading? _power;
        private readonly string[] _topics;

        public EnergyFeed(EnergySettings settings)
        {
            _settings = settings;
            _topics = settings.Topics();
            _price = Reading(settings.PriceTopic, settings);
            _coinPrice = Reading(settings.CoinPriceTopic, settings);
            _surplus = Reading(settings.SurplusTopic, settings);
            _power = Reading(settings.PowerTopic, settings);
        }

        /// <summary>The topics to subscribe to, each once.</summary>
        public string[] Topics
        {
            get { return _topics; }
        }

        /// <summary>Takes a message that arrived at <paramref name="nowMs"/>; false when <paramref name="topic"/> is no energy topic.</summary>
        public bool Accept(string topic, byte[] payload, long nowMs)
        {
            bool taken = false;
            TopicReading?[] readings = { _price, _coinPrice, _surplus, _power };
            for (int i = 0; i < readings.Length; i++)
            {
                TopicReading? reading = readings[i];
                if (reading != null && reading.Topic == topic)
                {
                    // One topic may feed two inputs (e.g. a price topic that is also the coin price): each takes it.
                    reading.Accept(payload, nowMs);
                    taken = true;
                }
            }

            return taken;
        }

        /// <summary>Fills <paramref name="energy"/> with what is known at <paramref name="nowMs"/>.</summary>
        public void Fill(EnergyReadings energy, long nowMs)
        {
            long value;
            string why;
            if (_price != null)
            {
                if (_price.TryGet(nowMs, out value, out why))
                {
                    energy.WithPrice(Clamp(value, MaxPriceNano));
                }
                else
                {
                    energy.PriceUnknownWhy = why;
                }
            }

            FillEarnings(energy, nowMs);
            if (_surplus != null)
            {
                if (_surplus.TryGet(nowMs, out value, out why))
                {
                    energy.WithSurplus((int)(Clamp(value, MaxWattsNano) / NanoPerMilliW), _surplus.Messages);
                }
                else
                {
                    energy.SurplusUnknownWhy = why;
                }
            }

            if (_power != null && _power.TryGet(nowMs, out value, out why) && value >= 0)
            {
                energy.WithPower((int)(Clamp(value, MaxWattsNano) / NanoPerMilliW));
            }
        }

        private void FillEarnings(EnergyReadings energy, long nowMs)
        {
            if (_settings.HasBlockReward && _settings.BlockRewardNano == 0)
            {
                energy.WithEarnings(0, "energy:blockReward = 0");
                return;
            }

            long coinPrice;
            string why;
            string source;
            if (_coinPrice != null)
            {
                source = "energy:coinPriceTopic";
                if (!_coinPrice.TryGet(nowMs, out coinPrice, out why))
                {
                    energy.EarningsUnknownWhy = "coin price unknown: " + why;
                    return;
                }
            }
            else if (_settings.HasCoinPrice)
            {
                source = "energy:coinPrice";
                coinPrice = _settings.CoinPriceNano;
            }
            else
            {
                energy.EarningsUnknownWhy = "coin price unknown: set energy:coinPrice or energy:coinPriceTopic";
                return;
            }

            if (coinPrice == 0)
            {
                energy.WithEarnings(0, "coin price 0 (" + source + ")");
                return;
            }

            energy.EarningsUnknownWhy = "the ESP32 does not estimate pool earnings: only the gateway knows the pool (energy:coinPrice = 0 marks work that earns nothing)";
        }

        private static TopicReading? Reading(string? topic, EnergySettings settings)
        {
            return topic == null ? null : new TopicReading(topic, settings.TopicTimeoutSeconds);
        }

        private static long Clamp(long value, long limit)
        {
            return value > limit ? limit : value < -limit ? -limit : value;
        }
    }
}
