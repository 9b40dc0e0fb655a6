using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// What the platform knows about energy at one instant: the current price, the expected earnings, the exported
    /// power and the measured draw. Each reading is either set or unknown with a reason the owner can act on
    /// ("no message on home/price for 612 s"), which the governor repeats when it falls back to
    /// <see cref="EnergyPolicy.UnknownAction"/>.
    /// </summary>
    public sealed class EnergyReadings
    {
        /// <summary>Creates readings with everything unknown.</summary>
        public EnergyReadings()
        {
            PriceUnknownWhy = "no price received yet";
            EarningsUnknownWhy = "no earnings estimate yet";
            SurplusUnknownWhy = "no surplus received yet";
            EarningsSource = string.Empty;
        }

        /// <summary>True when <see cref="PriceNanoPerKwh"/> holds the topic's current price.</summary>
        public bool PriceKnown { get; set; }

        /// <summary>Energy price from the price topic, nano-units of the currency per kWh.</summary>
        public long PriceNanoPerKwh { get; set; }

        /// <summary>Why the topic price is unknown (shown in the reason).</summary>
        public string PriceUnknownWhy { get; set; }

        /// <summary>True when <see cref="EarningsNanoPerHour"/> holds an estimate (zero is a known value: demo work).</summary>
        public bool EarningsKnown { get; set; }

        /// <summary>Expected earnings mining at full duty, nano-units of the currency per hour.</summary>
        public long EarningsNanoPerHour { get; set; }

        /// <summary>Where the earnings figure comes from ("demo work earns nothing", "estimate"); empty to say nothing.</summary>
        public string EarningsSource { get; set; }

        /// <summary>Why the earnings are unknown (e.g. "coin price unknown: set energy:coinPrice").</summary>
        public string EarningsUnknownWhy { get; set; }

        /// <summary>True when <see cref="SurplusMilliW"/> holds a reading.</summary>
        public bool SurplusKnown { get; set; }

        /// <summary>Power exported to the grid, mW (positive = exporting), as the meter saw it, including the miner's own draw.</summary>
        public int SurplusMilliW { get; set; }

        /// <summary>Changes with every new surplus message, so each reading is acted on once.</summary>
        public int SurplusReadingId { get; set; }

        /// <summary>Why the surplus is unknown.</summary>
        public string SurplusUnknownWhy { get; set; }

        /// <summary>True when <see cref="PowerMilliW"/> holds the board's measured draw (a smart plug).</summary>
        public bool PowerKnown { get; set; }

        /// <summary>The board's measured draw, mW; replaces the estimate in the energy count while mining.</summary>
        public int PowerMilliW { get; set; }

        /// <summary>Sets the price.</summary>
        public EnergyReadings WithPrice(long nanoPerKwh)
        {
            PriceKnown = true;
            PriceNanoPerKwh = nanoPerKwh;
            return this;
        }

        /// <summary>Sets the earnings at full duty and where they come from.</summary>
        public EnergyReadings WithEarnings(long nanoPerHour, string source)
        {
            EarningsKnown = true;
            EarningsNanoPerHour = nanoPerHour;
            EarningsSource = source == null ? string.Empty : source;
            return this;
        }

        /// <summary>Sets a surplus reading; <paramref name="readingId"/> must change with every new message.</summary>
        public EnergyReadings WithSurplus(int milliW, int readingId)
        {
            SurplusKnown = true;
            SurplusMilliW = milliW;
            SurplusReadingId = readingId;
            return this;
        }

        /// <summary>Sets the measured draw.</summary>
        public EnergyReadings WithPower(int milliW)
        {
            PowerKnown = true;
            PowerMilliW = milliW;
            return this;
        }
    }
}
