using System;
using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Decides what energy allows (section <c>energy</c>): in <c>profitable</c> mode, mining while the expected
    /// earnings cover the energy cost plus the margin; in <c>surplus</c> mode, a duty that follows the exported
    /// power; in <c>budget</c> mode, mining while the energy used today stays within the share of the daily (and
    /// monthly) budget that has elapsed. On/off switches keep a hysteresis and a minimum time apart
    /// (<see cref="EnergyPolicy.MinSwitchSeconds"/>), except that a spent budget stops at once. An unknown input
    /// falls back to <see cref="EnergyPolicy.UnknownAction"/> at once, and that fallback gives way at once when the
    /// input is known again. It also counts the energy mining used (<see cref="TodayMicroJ"/>). No I/O; one
    /// instance lives as long as the device runs, so a retune of the thermal policy keeps the count.
    /// </summary>
    public sealed class EnergyGovernor
    {
        // A longer gap between decisions (suspend, a stalled loop) counts as this long: the miner stalled too.
        private const long LongestStepMs = 10000;

        // Once mining, earnings may fall this far (per mille of the break-even) below it before mining stops, so a
        // price hovering at break-even does not toggle mining at every small move.
        private const long ProfitHysteresisPermille = 50;

        // From a pause, the surplus must cover the minimum duty's draw with this much to spare (per mille).
        private const long SurplusStartPermille = 1100;

        // From a pause, the budget must hold at least this many seconds of full-duty mining (or the minimum switch time).
        private const long ShortestBudgetRunSeconds = 10;

        private readonly EnergyPolicy _policy;
        private readonly EnergyBudget _budget = new EnergyBudget();
        private readonly BoardPower _power;
        private bool _hasLastTime;
        private long _lastTimeMs;
        private int _loadPpm;
        private bool _known;
        private bool _allowed;
        private long _switchMs;
        private bool _hasSurplus;
        private int _surplusId;
        private long _surplusTargetPpm;
        private string _surplusText = string.Empty;

        /// <summary>Creates a governor for a valid policy.</summary>
        /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
        public EnergyGovernor(EnergyPolicy policy)
        {
            if (policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            string[] errors = policy.Validate(string.Empty);
            if (errors.Length > 0)
            {
                string joined = string.Empty;
                for (int i = 0; i < errors.Length; i++)
                {
                    joined += (i == 0 ? string.Empty : " ") + errors[i];
                }

                throw new ArgumentException("Invalid energy policy: " + joined);
            }

            _policy = policy;
            _power = new BoardPower("this board", policy.IdleMilliW, policy.BoardMilliW, "energy:boardWatts and energy:idleWatts");
        }

        /// <summary>The policy in force.</summary>
        public EnergyPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>Energy mining used since local midnight, µJ (1 kWh = 3.6 × 10^12 µJ).</summary>
        public long TodayMicroJ
        {
            get { return _budget.TodayMicroJ; }
        }

        /// <summary>Energy mining used since the 1st of the month, µJ.</summary>
        public long MonthMicroJ
        {
            get { return _budget.MonthMicroJ; }
        }

        /// <summary>Energy mining used since start, µJ.</summary>
        public long TotalMicroJ
        {
            get { return _budget.TotalMicroJ; }
        }

        /// <summary>
        /// Adds the energy an earlier run used today and this month (local date given), e.g. from the agent's
        /// ledger at start, so a restart does not reset the budget. Call before the first decision of that date.
        /// </summary>
        public void Restore(int year, int month, int day, long todayMicroJ, long monthMicroJ)
        {
            _budget.Restore(year, month, day, todayMicroJ, monthMicroJ);
        }

        /// <summary>
        /// The board's draw attributed to mining at <paramref name="loadPpm"/>: nothing when paused, else the measured
        /// draw when a reading is given, else idle + load × (board − idle).
        /// </summary>
        public int DrawMilliW(int loadPpm, EnergyReadings readings)
        {
            if (loadPpm <= 0)
            {
                return 0;
            }

            if (readings != null && readings.PowerKnown)
            {
                return readings.PowerMilliW;
            }

            return _power.DrawMilliwatts(loadPpm);
        }

        /// <summary>
        /// Counts the energy used since the last call at the load then in force, and decides what energy allows now.
        /// </summary>
        /// <param name="inputs">The device's readings.</param>
        /// <param name="nowMs">A monotonic clock in milliseconds (the thermal governor's).</param>
        /// <param name="minPpm">The lowest load mining runs at; a smaller allowance pauses.</param>
        /// <param name="maxPpm">The owner's highest load.</param>
        public EnergyVerdict Decide(GovernorInputs inputs, long nowMs, int minPpm, int maxPpm)
        {
            Account(inputs, nowMs);
            if (_policy.Mode == EnergyMode.Profitable)
            {
                return Profitable(inputs, nowMs, maxPpm);
            }

            if (_policy.Mode == EnergyMode.Surplus)
            {
                return Surplus(inputs, nowMs, minPpm, maxPpm);
            }

            if (_policy.Mode == EnergyMode.Budget)
            {
                return Budget(inputs, nowMs, maxPpm);
            }

            return new EnergyVerdict(maxPpm, string.Empty);
        }

        /// <summary>Tells the governor the load applied after its decision (what the next interval's energy is counted at).</summary>
        public void Applied(int loadPpm)
        {
            _loadPpm = loadPpm < 0 ? 0 : loadPpm;
        }

        private void Account(GovernorInputs inputs, long nowMs)
        {
            long elapsedMs = _hasLastTime ? FixedPoint.Clamp(nowMs - _lastTimeMs, 0, LongestStepMs) : 0;
            _hasLastTime = true;
            _lastTimeMs = nowMs;
            _budget.Roll(inputs);
            _budget.Add((long)DrawMilliW(_loadPpm, inputs.Energy) * elapsedMs);
        }

        private EnergyVerdict Profitable(GovernorInputs inputs, long nowMs, int maxPpm)
        {
            long price;
            string priceSource;
            string why;
            if (!TryPrice(inputs, out price, out priceSource, out why))
            {
                return Unknown("energy price", why, maxPpm);
            }

            EnergyReadings readings = inputs.Energy;
            if (!readings.EarningsKnown)
            {
                return Unknown("earnings", readings.EarningsUnknownWhy, maxPpm);
            }

            // nano/kWh × mW / 10^6 = nano/h; dividing the price first keeps the product in 64 bits (µ-units of a price are noise).
            long cost = (price / 1000) * _policy.BoardMilliW / 1000;
            long breakEven = cost * (1000 + _policy.MarginPermille) / 1000;
            long earnings = FixedPoint.Clamp(readings.EarningsNanoPerHour, -MaxAmount, MaxAmount);
            long band = (breakEven < 0 ? -breakEven : breakEven) * ProfitHysteresisPermille / 1000;
            bool want = _allowed && _known ? earnings >= breakEven - band : earnings >= breakEven;

            string detail = "energy " + Money(price, TariffPeriod.NanoPerUnit) + " " + _policy.Currency + "/kWh (" + priceSource + ") costs " +
                Money(cost, NanoPerCent) + " ct/h at " + Watts(_policy.BoardMilliW) + ", mining earns " + Money(earnings, NanoPerCent) + " ct/h" +
                (readings.EarningsSource.Length > 0 ? " (" + readings.EarningsSource + ")" : string.Empty) +
                (_policy.MarginPermille > 0 ? ", needs " + Money(breakEven, NanoPerCent) + " ct/h with margin " + DecimalText.Format(_policy.MarginPermille, 10) + " %" : string.Empty);
            return Switch(want, false, nowMs, maxPpm, detail);
        }

        private EnergyVerdict Surplus(GovernorInputs inputs, long nowMs, int minPpm, int maxPpm)
        {
            EnergyReadings readings = inputs.Energy;
            if (!readings.SurplusKnown)
            {
                _hasSurplus = false;
                return Unknown("surplus", readings.SurplusUnknownWhy, maxPpm);
            }

            long span = _policy.BoardMilliW - _policy.IdleMilliW;
            if (!_hasSurplus || readings.SurplusReadingId != _surplusId)
            {
                // The meter saw the export with the miner drawing what it drew then: what is free for mining is that
                // export plus the miner's own draw above idle. Acting once per reading keeps a repeated reading from
                // being counted again (it would ramp the duty up on stale news).
                long own = OwnDrawAboveIdle(readings);
                long available = readings.SurplusMilliW + own;
                _surplusTargetPpm = FixedPoint.Clamp(available * FixedPoint.FullLoadPpm / span, -10L * FixedPoint.FullLoadPpm, 10L * FixedPoint.FullLoadPpm);
                _surplusText = "surplus " + Watts(available) + " (" + Watts(readings.SurplusMilliW) + " exported + " + Watts(own) + " mining)";
                _surplusId = readings.SurplusReadingId;
                _hasSurplus = true;
            }

            long startPpm = (long)minPpm * SurplusStartPermille / 1000;
            bool want = _allowed && _known ? _surplusTargetPpm >= minPpm : _surplusTargetPpm >= startPpm;
            long capPpm = FixedPoint.Clamp(_surplusTargetPpm, minPpm, maxPpm);
            string detail = want
                ? _surplusText + " covers " + DecimalText.Format(capPpm, FixedPoint.PpmPerPercent) + " % duty"
                : _surplusText + ", mining needs " + Watts(span * (_allowed && _known ? minPpm : startPpm) / FixedPoint.FullLoadPpm) +
                  " above idle at the minimum duty";
            EnergyVerdict verdict = Switch(want, false, nowMs, maxPpm, detail);
            return verdict.CapPpm > 0 ? new EnergyVerdict((int)capPpm, verdict.Detail) : verdict;
        }

        private long OwnDrawAboveIdle(EnergyReadings readings)
        {
            if (_loadPpm <= 0)
            {
                return 0;
            }

            long own = DrawMilliW(_loadPpm, readings) - _policy.IdleMilliW;
            return own < 0 ? 0 : own;
        }

        private EnergyVerdict Budget(GovernorInputs inputs, long nowMs, int maxPpm)
        {
            if (!inputs.LocalDateKnown)
            {
                return Unknown("local date", "the clock is not set", maxPpm);
            }

            long daily = _policy.DailyBudgetMilliWh;
            long monthly = _policy.MonthlyBudgetMilliWh;
            if (_budget.TodayMicroJ >= daily * EnergyBudget.MicroJoulePerMilliWh)
            {
                return Switch(false, true, nowMs, maxPpm, "daily energy budget " + Kwh(daily * EnergyBudget.MicroJoulePerMilliWh) + " spent (" +
                    Kwh(_budget.TodayMicroJ) + " used today), resets at midnight");
            }

            if (monthly > 0 && _budget.MonthMicroJ >= monthly * EnergyBudget.MicroJoulePerMilliWh)
            {
                return Switch(false, true, nowMs, maxPpm, "monthly energy budget " + Kwh(monthly * EnergyBudget.MicroJoulePerMilliWh) + " spent (" +
                    Kwh(_budget.MonthMicroJ) + " used this month), resets on the 1st");
            }

            // Spread over the day: by 10:00 at most 10/24 of the daily budget may be used (what was not used earlier carries on).
            long allowed = EnergyBudget.Share(daily, inputs.SecondOfDay, EnergyBudget.SecondsPerDay);
            long headroom = allowed - _budget.TodayMicroJ;
            string detail = "budget " + Kwh(daily * EnergyBudget.MicroJoulePerMilliWh) + "/day: " + Kwh(_budget.TodayMicroJ) + " used, " +
                Kwh(allowed) + " allowed by " + ClockText(inputs.SecondOfDay);
            if (monthly > 0)
            {
                long monthSeconds = (long)EnergyBudget.DaysInMonth(inputs.LocalYear, inputs.LocalMonth) * EnergyBudget.SecondsPerDay;
                long elapsed = ((long)(inputs.LocalDay - 1) * EnergyBudget.SecondsPerDay) + inputs.SecondOfDay;
                long monthAllowed = EnergyBudget.Share(monthly, elapsed, monthSeconds);
                long monthHeadroom = monthAllowed - _budget.MonthMicroJ;
                if (monthHeadroom < headroom)
                {
                    headroom = monthHeadroom;
                    detail = "budget " + Kwh(monthly * EnergyBudget.MicroJoulePerMilliWh) + "/month: " + Kwh(_budget.MonthMicroJ) + " used, " +
                        Kwh(monthAllowed) + " allowed by now";
                }
            }

            long runSeconds = _policy.MinSwitchSeconds > ShortestBudgetRunSeconds ? _policy.MinSwitchSeconds : ShortestBudgetRunSeconds;
            long runMicroJ = (long)_policy.BoardMilliW * runSeconds * 1000;
            bool want = _allowed && _known ? headroom > 0 : headroom >= runMicroJ;
            return Switch(want, false, nowMs, maxPpm, want ? detail : detail + ", waiting for the allowance to grow");
        }

        private bool TryPrice(GovernorInputs inputs, out long price, out string source, out string why)
        {
            price = 0;
            source = string.Empty;
            why = string.Empty;
            if (_policy.PriceFromTopic)
            {
                price = inputs.Energy.PriceNanoPerKwh;
                source = "price topic";
                why = inputs.Energy.PriceUnknownWhy;
                return inputs.Energy.PriceKnown;
            }

            if (_policy.Tariff.Length > 0)
            {
                if (inputs.MinuteOfDay >= 0 && inputs.MinuteOfDay < ScheduleWindow.MinutesPerDay)
                {
                    for (int i = 0; i < _policy.Tariff.Length; i++)
                    {
                        if (_policy.Tariff[i].Window.Contains(inputs.MinuteOfDay))
                        {
                            price = _policy.Tariff[i].PriceNanoPerKwh;
                            source = "tariff " + _policy.Tariff[i].Window.ToString();
                            return true;
                        }
                    }
                }
                else if (!_policy.HasFlatPrice)
                {
                    why = "time of day unknown for the tariff";
                    return false;
                }
            }

            if (_policy.HasFlatPrice)
            {
                price = _policy.FlatPriceNanoPerKwh;
                source = "energy:pricePerKwh";
                return true;
            }

            why = "no tariff period covers " + ClockText(inputs.MinuteOfDay * 60) + " and energy:pricePerKwh is not set";
            return false;
        }

        private EnergyVerdict Unknown(string what, string why, int maxPpm)
        {
            // The fallback is provisional: the first decision on known inputs replaces it at once.
            _known = false;
            bool mine = _policy.UnknownAction == UnknownEnergyAction.Mine;
            _allowed = mine;
            string detail = what + " unknown (" + why + "); energy:unknownAction = " + (mine ? "mine" : "pause");
            return new EnergyVerdict(mine ? maxPpm : 0, detail);
        }

        private EnergyVerdict Switch(bool want, bool atOnce, long nowMs, int maxPpm, string detail)
        {
            if (!_known || atOnce)
            {
                if (!_known || want != _allowed)
                {
                    _switchMs = nowMs;
                }

                _known = true;
                _allowed = want;
                return new EnergyVerdict(want ? maxPpm : 0, detail);
            }

            if (want != _allowed)
            {
                long waitMs = (_policy.MinSwitchSeconds * 1000L) - (nowMs - _switchMs);
                if (waitMs > 0)
                {
                    // Held by the minimum switch time: keep the state in force and say when it may change.
                    long seconds = (waitMs + 999) / 1000;
                    return new EnergyVerdict(_allowed ? maxPpm : 0, detail + "; " + (_allowed ? "pausing" : "resuming") + " in " + seconds.ToString() +
                        " s (energy:minSwitchSeconds = " + _policy.MinSwitchSeconds.ToString() + ")");
                }

                _allowed = want;
                _switchMs = nowMs;
            }

            return new EnergyVerdict(_allowed ? maxPpm : 0, detail);
        }

        private const long NanoPerCent = TariffPeriod.NanoPerUnit / 100;

        // Earnings and costs beyond this (10^6 currency units an hour) are clamped so sums stay in 64 bits.
        private const long MaxAmount = 1000000L * TariffPeriod.NanoPerUnit;

        private static string Money(long value, long unit)
        {
            return DecimalText.Format(value, unit);
        }

        private static string Watts(long milliW)
        {
            return DecimalText.Format(milliW, 1000) + " W";
        }

        private static string Kwh(long microJ)
        {
            // µJ → mWh, then kWh with three significant digits.
            return DecimalText.Format(microJ / EnergyBudget.MicroJoulePerMilliWh, 1000000) + " kWh";
        }

        private static string ClockText(int secondOfDay)
        {
            int minute = secondOfDay / 60;
            return (minute / 60).ToString("D2") + ":" + (minute % 60).ToString("D2");
        }
    }
}
