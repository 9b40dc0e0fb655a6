using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// What the owner allows energy-wise (section <c>energy</c>): the mode, the board's power, the price sources, the
    /// budget and the anti-flapping time. Fixed point like the rest of the governor: milliwatts, nano-units of the
    /// currency, milliwatt-hours, per-mille. Validation messages name the keys in the owner's units.
    /// </summary>
    public sealed class EnergyPolicy
    {
        /// <summary>Largest price accepted, in currency units per kWh (either sign): far beyond any real tariff (wholesale caps are a few units), small enough for 64-bit sums.</summary>
        public const long MaxPriceUnitsPerKwh = 100000;

        /// <summary>Largest board draw accepted, mW (1 kW: any board, even a PC, with room to spare).</summary>
        public const int MaxBoardMilliW = 1000000;

        /// <summary>Largest daily or monthly budget accepted, mWh (10 MWh).</summary>
        public const long MaxBudgetMilliWh = 10000000000L;

        /// <summary>Creates the default policy: mode <c>always</c>, no margin, switch at most every 300 s, pause on unknowns.</summary>
        public EnergyPolicy()
        {
            Mode = EnergyMode.Always;
            Tariff = new TariffPeriod[0];
            MinSwitchSeconds = 300;
            UnknownAction = UnknownEnergyAction.Pause;
            Currency = "€";
        }

        /// <summary>A copy to change without touching the one in force.</summary>
        public EnergyPolicy Copy()
        {
            EnergyPolicy copy = new EnergyPolicy();
            copy.Mode = Mode;
            copy.MarginPermille = MarginPermille;
            copy.BoardMilliW = BoardMilliW;
            copy.IdleMilliW = IdleMilliW;
            copy.HasFlatPrice = HasFlatPrice;
            copy.FlatPriceNanoPerKwh = FlatPriceNanoPerKwh;
            copy.Tariff = Tariff;
            copy.PriceFromTopic = PriceFromTopic;
            copy.DailyBudgetMilliWh = DailyBudgetMilliWh;
            copy.MonthlyBudgetMilliWh = MonthlyBudgetMilliWh;
            copy.MinSwitchSeconds = MinSwitchSeconds;
            copy.UnknownAction = UnknownAction;
            copy.Currency = Currency;
            return copy;
        }

        /// <summary>The mode (key <c>mode</c>).</summary>
        public EnergyMode Mode { get; set; }

        /// <summary>In profitable mode, how much earnings must exceed the cost, per mille (key <c>margin</c> as a fraction, 0..10 → 0..10000).</summary>
        public int MarginPermille { get; set; }

        /// <summary>The board's draw mining at full duty, mW (key <c>boardWatts</c>).</summary>
        public int BoardMilliW { get; set; }

        /// <summary>The board's draw not mining, mW (key <c>idleWatts</c>, below <see cref="BoardMilliW"/>).</summary>
        public int IdleMilliW { get; set; }

        /// <summary>True when <see cref="FlatPriceNanoPerKwh"/> is set (key <c>pricePerKwh</c>).</summary>
        public bool HasFlatPrice { get; set; }

        /// <summary>The flat energy price, nano-units of the currency per kWh (key <c>pricePerKwh</c>).</summary>
        public long FlatPriceNanoPerKwh { get; set; }

        /// <summary>Time-of-use prices (key <c>tariff</c>); outside every period the flat price applies, if set.</summary>
        public TariffPeriod[] Tariff { get; set; }

        /// <summary>
        /// True when the price comes from a topic (key <c>priceTopic</c>): then only the topic counts, and a silent or
        /// unreadable topic makes the price unknown rather than falling back to a stale table.
        /// </summary>
        public bool PriceFromTopic { get; set; }

        /// <summary>Energy allowed per local day, mWh (key <c>dailyKwh</c>); needed in budget mode.</summary>
        public long DailyBudgetMilliWh { get; set; }

        /// <summary>Energy allowed per calendar month, mWh (key <c>monthlyKwh</c>); 0 for no monthly limit.</summary>
        public long MonthlyBudgetMilliWh { get; set; }

        /// <summary>Shortest time between two energy-driven switches of mining on or off (key <c>minSwitchSeconds</c>, 0..86400).</summary>
        public int MinSwitchSeconds { get; set; }

        /// <summary>What to do while an input the mode needs is unknown (key <c>unknownAction</c>).</summary>
        public UnknownEnergyAction UnknownAction { get; set; }

        /// <summary>The currency's symbol or code shown in reasons (key <c>currency</c>, e.g. "€", "CHF").</summary>
        public string Currency { get; set; }

        /// <summary>
        /// Every problem with the policy, each naming the key (prefixed with <paramref name="keyPrefix"/>, e.g.
        /// "energy:"), the value and what is allowed. Empty when usable.
        /// </summary>
        public string[] Validate(string keyPrefix)
        {
            PolicyErrors errors = new PolicyErrors();
            string p = keyPrefix == null ? string.Empty : keyPrefix;
            if (Mode != EnergyMode.Always && Mode != EnergyMode.Profitable && Mode != EnergyMode.Surplus && Mode != EnergyMode.Budget)
            {
                errors.Add(p + "mode = " + ((int)Mode).ToString() + " is not a mode: use always, profitable, surplus or budget.");
            }

            if (MarginPermille < 0 || MarginPermille > 10000)
            {
                errors.Add(p + "margin = " + DecimalText.Format(MarginPermille, 1000) + " is out of range: allowed 0 to 10 (a fraction: 0.2 = 20 %).");
            }

            CheckPower(errors, p);
            CheckPrices(errors, p);
            if (MinSwitchSeconds < 0 || MinSwitchSeconds > 86400)
            {
                errors.Add(p + "minSwitchSeconds = " + MinSwitchSeconds.ToString() + " s is out of range: allowed 0 to 86400 s.");
            }

            if (DailyBudgetMilliWh < 0 || MonthlyBudgetMilliWh < 0 || DailyBudgetMilliWh > MaxBudgetMilliWh || MonthlyBudgetMilliWh > MaxBudgetMilliWh)
            {
                errors.Add(p + "dailyKwh and " + p + "monthlyKwh must be 0 to " + DecimalText.Format(MaxBudgetMilliWh, 1000000) + " kWh.");
            }

            if (Mode == EnergyMode.Budget && DailyBudgetMilliWh <= 0)
            {
                errors.Add(p + "mode = budget needs " + p + "dailyKwh above 0 (e.g. 0.05 for 50 Wh a day).");
            }

            if (Currency == null || Currency.Length == 0 || Currency.Length > 8)
            {
                errors.Add(p + "currency must be 1 to 8 characters, e.g. € or CHF.");
            }

            return errors.ToArray();
        }

        private void CheckPower(PolicyErrors errors, string p)
        {
            if (BoardMilliW < 0 || IdleMilliW < 0 || BoardMilliW > MaxBoardMilliW)
            {
                errors.Add(p + "boardWatts and " + p + "idleWatts must be 0 to " + DecimalText.Format(MaxBoardMilliW, 1000) + " W.");
                return;
            }

            if (Mode == EnergyMode.Always)
            {
                return;
            }

            if (BoardMilliW == 0)
            {
                errors.Add(p + "mode = " + ModeText(Mode) + " needs the board's power: set " + p + "boardWatts (watts mining at full duty).");
            }
            else if (IdleMilliW >= BoardMilliW)
            {
                errors.Add(p + "idleWatts = " + DecimalText.Format(IdleMilliW, 1000) + " W must be below " + p + "boardWatts = " +
                    DecimalText.Format(BoardMilliW, 1000) + " W (mining draws more than idling).");
            }
        }

        private void CheckPrices(PolicyErrors errors, string p)
        {
            long max = MaxPriceUnitsPerKwh * TariffPeriod.NanoPerUnit;
            if (HasFlatPrice && (FlatPriceNanoPerKwh > max || FlatPriceNanoPerKwh < -max))
            {
                errors.Add(p + "pricePerKwh = " + DecimalText.Format(FlatPriceNanoPerKwh, TariffPeriod.NanoPerUnit) + " is out of range: allowed -" +
                    MaxPriceUnitsPerKwh.ToString() + " to " + MaxPriceUnitsPerKwh.ToString() + ".");
            }

            if (Tariff == null)
            {
                errors.Add(p + "tariff is missing: use an empty list for no time-of-use prices.");
                return;
            }

            for (int i = 0; i < Tariff.Length; i++)
            {
                TariffPeriod period = Tariff[i];
                if (period == null || !period.Window.IsValid || period.PriceNanoPerKwh > max || period.PriceNanoPerKwh < -max)
                {
                    errors.Add(p + "tariff entry " + (i + 1).ToString() + " is not a period: write HH:MM-HH:MM=price, e.g. 22:00-07:00=0.19, with a price from -" +
                        MaxPriceUnitsPerKwh.ToString() + " to " + MaxPriceUnitsPerKwh.ToString() + ".");
                }
            }

            if (Mode == EnergyMode.Profitable && !HasFlatPrice && Tariff.Length == 0 && !PriceFromTopic)
            {
                errors.Add(p + "mode = profitable needs an energy price: set " + p + "pricePerKwh, " + p + "tariff or " + p + "priceTopic.");
            }
        }

        /// <summary>The mode as the configuration spells it.</summary>
        public static string ModeText(EnergyMode mode)
        {
            if (mode == EnergyMode.Profitable)
            {
                return "profitable";
            }

            if (mode == EnergyMode.Surplus)
            {
                return "surplus";
            }

            return mode == EnergyMode.Budget ? "budget" : "always";
        }
    }
}
