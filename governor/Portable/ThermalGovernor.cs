using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Decides how much the miner may work from temperature, idle state, time of day and energy. No I/O: the platform
    /// reads the sensors and applies the decision. Priorities, highest first: the hard limit (pause at once, resume
    /// only after cooling by the hysteresis), the schedule, idle-only mode, a missing sensor, energy (a pause, or a
    /// ceiling on the load: <see cref="EnergyGovernor"/>), then the PI controller whose output is rate limited. The
    /// strictest rule wins, and the reason names it.
    /// </summary>
    public sealed class ThermalGovernor
    {
        // Readings outside this range are sensor faults, not temperatures. Exactly 0 is what absent or uninitialized
        // sensors report (the ESP32-S2/S3/C3 internal channel reads 0), and must never pass as "0 °C, all clear".
        private const int LowestPlausibleMilliC = -40000;
        private const int HighestPlausibleMilliC = 150000;

        // A longer gap between decisions (suspend, a stalled loop) is treated as this long, so one step cannot
        // integrate or ramp by minutes' worth.
        private const long LongestStepMs = 10000;

        private readonly GovernorPolicy _policy;
        private readonly PiController _controller;
        private readonly DutyRateLimiter _limiter;
        private readonly EnergyGovernor _energy;
        private readonly int _minPpm;
        private readonly int _maxPpm;
        private bool _hasLastTime;
        private long _lastTimeMs;
        private bool _aboveHardLimit;
        private bool _paused = true;

        /// <summary>Creates a governor for a valid policy, with energy never limiting (mode always).</summary>
        /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
        public ThermalGovernor(GovernorPolicy policy)
            : this(policy, new EnergyGovernor(new EnergyPolicy()))
        {
        }

        /// <summary>
        /// Creates a governor for a valid policy that also asks <paramref name="energy"/>. Pass the same energy
        /// governor to the governor that replaces this one on a retune, so the energy count and switch times carry on.
        /// </summary>
        /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
        public ThermalGovernor(GovernorPolicy policy, EnergyGovernor energy)
        {
            if (energy == null)
            {
                throw new ArgumentNullException(nameof(energy));
            }

            _energy = energy;
            if (policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            string[] errors = policy.Validate(string.Empty);
            if (errors.Length > 0)
            {
                throw new ArgumentException("Invalid governor policy: " + Join(errors));
            }

            _policy = policy;
            _minPpm = policy.MinDutyPercent * FixedPoint.PpmPerPercent;
            _maxPpm = policy.MaxDutyPercent * FixedPoint.PpmPerPercent;
            _controller = new PiController(policy.ProportionalGain, policy.IntegralGain, _minPpm, _maxPpm);
            _limiter = new DutyRateLimiter(policy.DutySlewPercentPerSecond);
        }

        /// <summary>The policy in force.</summary>
        public GovernorPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>The energy rule this governor asks (shared across retunes).</summary>
        public EnergyGovernor Energy
        {
            get { return _energy; }
        }

        /// <summary>True when a reading can be a real temperature (not a fault, not the 0 of an absent sensor).</summary>
        public static bool IsPlausible(int milliC)
        {
            return milliC != 0 && milliC >= LowestPlausibleMilliC && milliC <= HighestPlausibleMilliC;
        }

        /// <summary>Decides what the miner may do now.</summary>
        /// <param name="inputs">The device's readings.</param>
        /// <param name="nowMs">A monotonic clock in milliseconds (any origin).</param>
        public GovernorDecision Decide(GovernorInputs inputs, long nowMs)
        {
            long elapsedMs = _hasLastTime ? FixedPoint.Clamp(nowMs - _lastTimeMs, 0, LongestStepMs) : 0;
            _hasLastTime = true;
            _lastTimeMs = nowMs;

            bool hasTemperature = inputs.HasTemperature && IsPlausible(inputs.TemperatureMilliC);
            int milliC = hasTemperature ? inputs.TemperatureMilliC : 0;
            UpdateHardLimitLatch(hasTemperature, milliC);

            EnergyVerdict energy = _energy.Decide(inputs, nowMs, _minPpm, _maxPpm);
            string pauseReason = PauseReason(inputs, hasTemperature, milliC);
            if (pauseReason.Length == 0 && energy.CapPpm <= 0)
            {
                pauseReason = "paused: " + energy.Detail;
            }

            if (pauseReason.Length > 0)
            {
                _paused = true;
                _energy.Applied(0);
                return new GovernorDecision(GovernorState.Paused, 0, 0, pauseReason, hasTemperature, milliC, 0);
            }

            if (_paused)
            {
                // Start every run gently from the minimum and let the rate limiter ramp up.
                _paused = false;
                _controller.Reset(_minPpm);
                _limiter.Reset(_minPpm);
            }

            int cap = FixedPoint.Clamp(energy.CapPpm, _minPpm, _maxPpm);
            if (!hasTemperature)
            {
                int fixedPpm = FixedPoint.Clamp(_policy.NoSensorDutyPercent * FixedPoint.PpmPerPercent, _minPpm, _maxPpm);
                int allowed = _limiter.Step(fixedPpm < cap ? fixedPpm : cap, elapsedMs);
                _controller.Reset(allowed);
                string fixedReason = "no temperature reading, fixed duty " + (fixedPpm / FixedPoint.PpmPerPercent).ToString() + " %";
                return Running(allowed, WithEnergy(fixedReason, energy, cap < fixedPpm), false, 0);
            }

            int wanted = _controller.Update(_policy.TargetMilliC - milliC, elapsedMs);
            bool energyLimits = cap < wanted;
            int applied = _limiter.Step(energyLimits ? cap : wanted, elapsedMs);
            _controller.Track(applied);
            return Running(applied, WithEnergy(ThermalReason(milliC, applied < (energyLimits ? cap : wanted)), energy, energyLimits), true, milliC);
        }

        // The binding rule leads; the other follows after a semicolon so the owner sees both.
        private static string WithEnergy(string thermal, EnergyVerdict energy, bool energyLimits)
        {
            if (energy.Detail.Length == 0)
            {
                return thermal;
            }

            return energyLimits ? energy.Detail + "; " + thermal : thermal + "; " + energy.Detail;
        }

        private void UpdateHardLimitLatch(bool hasTemperature, int milliC)
        {
            if (!hasTemperature)
            {
                // Losing the sensor while hot keeps the pause: nothing says the board has cooled.
                return;
            }

            if (milliC >= _policy.HardLimitMilliC)
            {
                _aboveHardLimit = true;
            }
            else if (milliC <= _policy.HardLimitMilliC - _policy.ResumeHysteresisMilliC)
            {
                _aboveHardLimit = false;
            }
        }

        // Empty when nothing forces a pause (no nullable annotations in portable code).
        private string PauseReason(GovernorInputs inputs, bool hasTemperature, int milliC)
        {
            if (_aboveHardLimit)
            {
                return HardLimitReason(hasTemperature, milliC);
            }

            if (_policy.Schedule.Length > 0)
            {
                if (inputs.MinuteOfDay < 0 || inputs.MinuteOfDay >= ScheduleWindow.MinutesPerDay)
                {
                    return "paused: time of day unknown, schedule " + ScheduleText();
                }

                if (!InSchedule(inputs.MinuteOfDay))
                {
                    return "paused: outside schedule " + ScheduleText();
                }
            }

            if (_policy.IdleOnly)
            {
                string idleReason = IdleReason(inputs);
                if (idleReason.Length > 0)
                {
                    return idleReason;
                }
            }

            if (!hasTemperature && _policy.NoSensor == NoSensorAction.Pause)
            {
                return "paused: no temperature reading";
            }

            return string.Empty;
        }

        private string HardLimitReason(bool hasTemperature, int milliC)
        {
            string limit = MilliCelsius.FormatSetting(_policy.HardLimitMilliC);
            if (!hasTemperature)
            {
                return "paused: above hard limit " + limit + " °C, no temperature reading since then";
            }

            if (milliC >= _policy.HardLimitMilliC)
            {
                return "paused: above hard limit: " + MilliCelsius.FormatReading(milliC) + " °C >= " + limit + " °C";
            }

            return "paused: above hard limit, cooling: " + MilliCelsius.FormatReading(milliC) + " °C, resuming at " +
                MilliCelsius.FormatSetting(_policy.HardLimitMilliC - _policy.ResumeHysteresisMilliC) + " °C";
        }

        private string IdleReason(GovernorInputs inputs)
        {
            if (!inputs.IdleKnown)
            {
                return "paused: idle state unknown";
            }

            if (!inputs.DeviceIdle)
            {
                // The platform says what it saw ("other processes 91 % CPU"), so the owner knows what to close.
                return inputs.BusyDetail.Length > 0 ? "paused: device busy (" + inputs.BusyDetail + ")" : "paused: device busy";
            }

            long delayMs = _policy.IdleDelaySeconds * 1000L;
            if (inputs.IdleForMs < delayMs)
            {
                long idleSeconds = inputs.IdleForMs / 1000;
                return "paused: waiting for idle, " + idleSeconds.ToString() + " s of " + _policy.IdleDelaySeconds.ToString() +
                    " s (" + (_policy.IdleDelaySeconds - idleSeconds).ToString() + " s left)";
            }

            return string.Empty;
        }

        private bool InSchedule(int minuteOfDay)
        {
            for (int i = 0; i < _policy.Schedule.Length; i++)
            {
                if (_policy.Schedule[i].Contains(minuteOfDay))
                {
                    return true;
                }
            }

            return false;
        }

        private string ScheduleText()
        {
            string text = string.Empty;
            for (int i = 0; i < _policy.Schedule.Length; i++)
            {
                text += (i == 0 ? string.Empty : ",") + _policy.Schedule[i].ToString();
            }

            return text;
        }

        private string ThermalReason(int milliC, bool rampingUp)
        {
            string comparison = milliC > _policy.TargetMilliC ? " > " : " <= ";
            return (rampingUp ? "ramping up, " : string.Empty) + MilliCelsius.FormatReading(milliC) + " °C" + comparison +
                "target " + MilliCelsius.FormatSetting(_policy.TargetMilliC) + " °C";
        }

        private GovernorDecision Running(int loadPpm, string detail, bool hasTemperature, int milliC)
        {
            GovernorState state = loadPpm >= _maxPpm ? GovernorState.Mining : GovernorState.Throttled;
            int threads = WorkerShare.Threads(loadPpm, _policy.Threads);
            int duty = WorkerShare.DutyPercent(loadPpm, _policy.Threads, threads);
            string prefix = state == GovernorState.Mining ? "mining: " : "throttled: ";
            int load = (int)FixedPoint.DivideRounded(loadPpm, FixedPoint.PpmPerPercent);
            _energy.Applied(loadPpm);
            return new GovernorDecision(state, duty, threads, prefix + detail, hasTemperature, milliC, load);
        }

        private static string Join(string[] messages)
        {
            string joined = string.Empty;
            for (int i = 0; i < messages.Length; i++)
            {
                joined += (i == 0 ? string.Empty : " ") + messages[i];
            }

            return joined;
        }
    }
}
