using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// What the owner allows: temperatures, duty range, idle-only mode, schedule and the controller's gains.
    /// Temperatures are in milli-°C and duties in percent so the ESP32 never needs floating point. The property
    /// names map to configuration keys (e.g. <see cref="TargetMilliC"/> ↔ <c>targetTemperatureC</c>); validation
    /// messages use the key names so the owner can find what to fix.
    /// </summary>
    public sealed class GovernorPolicy
    {
        /// <summary>Creates the default policy: target 70 °C, hard limit 80 °C, idle-only after 30 s, no schedule.</summary>
        public GovernorPolicy()
        {
            // Raspberry Pi documentation ("Frequency management and thermal control"): from 80 °C the firmware
            // progressively throttles the ARM cores, at 85 °C the ARM and the GPU. Pausing at 80 °C keeps the firmware
            // from throttling underneath the governor; holding 70 °C leaves margin for a warmer room.
            TargetMilliC = 70000;
            HardLimitMilliC = 80000;
            ResumeHysteresisMilliC = 5000;
            MinDutyPercent = 10;
            MaxDutyPercent = 100;
            DutySlewPercentPerSecond = 5;
            Threads = 1;
            IdleOnly = true;
            IdleDelaySeconds = 30;
            BusyCpuPercent = 20;
            IdleCpuPercent = 10;
            NoSensor = NoSensorAction.FixedDuty;
            NoSensorDutyPercent = 25;
            Schedule = new ScheduleWindow[0];
            ProportionalGain = 40;
            IntegralGain = 30;
        }

        /// <summary>A copy to change (e.g. when the owner retunes the governor at run time) without touching the one in force.</summary>
        public GovernorPolicy Copy()
        {
            GovernorPolicy copy = new GovernorPolicy();
            copy.TargetMilliC = TargetMilliC;
            copy.HardLimitMilliC = HardLimitMilliC;
            copy.ResumeHysteresisMilliC = ResumeHysteresisMilliC;
            copy.MinDutyPercent = MinDutyPercent;
            copy.MaxDutyPercent = MaxDutyPercent;
            copy.DutySlewPercentPerSecond = DutySlewPercentPerSecond;
            copy.Threads = Threads;
            copy.IdleOnly = IdleOnly;
            copy.IdleDelaySeconds = IdleDelaySeconds;
            copy.BusyCpuPercent = BusyCpuPercent;
            copy.IdleCpuPercent = IdleCpuPercent;
            copy.NoSensor = NoSensor;
            copy.NoSensorDutyPercent = NoSensorDutyPercent;
            copy.Schedule = Schedule;
            copy.ProportionalGain = ProportionalGain;
            copy.IntegralGain = IntegralGain;
            return copy;
        }

        /// <summary>Temperature the controller holds (key <c>targetTemperatureC</c>, 30..95 °C).</summary>
        public int TargetMilliC { get; set; }

        /// <summary>At or above this, mining pauses at once (key <c>hardLimitC</c>, 40..110 °C, ≥ target + 1 °C).</summary>
        public int HardLimitMilliC { get; set; }

        /// <summary>After a hard-limit pause, mining resumes only below hard limit minus this (key <c>resumeHysteresisC</c>, 0.5..30 °C).</summary>
        public int ResumeHysteresisMilliC { get; set; }

        /// <summary>Lowest overall duty while mining (key <c>minDutyPercent</c>, 1..100).</summary>
        public int MinDutyPercent { get; set; }

        /// <summary>Highest overall duty (key <c>maxDutyPercent</c>, 1..100, ≥ min).</summary>
        public int MaxDutyPercent { get; set; }

        /// <summary>Fastest change of the overall duty, so the board is not thermally cycled (key <c>dutySlewPercentPerSecond</c>, 1..100).</summary>
        public int DutySlewPercentPerSecond { get; set; }

        /// <summary>Worker threads at full duty (key <c>threads</c>, 1..1024; on Linux 0 in the config means one per core).</summary>
        public int Threads { get; set; }

        /// <summary>Mine only while nothing else uses the device (key <c>idleOnly</c>).</summary>
        public bool IdleOnly { get; set; }

        /// <summary>In idle-only mode, how long the device must have been idle before mining starts (key <c>idleDelaySeconds</c>, 0..86400).</summary>
        public int IdleDelaySeconds { get; set; }

        /// <summary>Other processes above this share of all cores make the device busy (key <c>busyCpuPercent</c>, 1..100).</summary>
        public int BusyCpuPercent { get; set; }

        /// <summary>Other processes below this share of all cores make a busy device idle again (key <c>idleCpuPercent</c>, 0..99, &lt; busy).</summary>
        public int IdleCpuPercent { get; set; }

        /// <summary>What to do without a plausible temperature (key <c>noSensor</c>: <c>pause</c> or <c>fixed</c>).</summary>
        public NoSensorAction NoSensor { get; set; }

        /// <summary>Overall duty when <see cref="NoSensor"/> is <see cref="NoSensorAction.FixedDuty"/> (key <c>noSensorDutyPercent</c>, 1..100; capped at max).</summary>
        public int NoSensorDutyPercent { get; set; }

        /// <summary>Daily windows in which mining is allowed; empty means always (key <c>schedule</c>, e.g. "22:00-07:00").</summary>
        public ScheduleWindow[] Schedule { get; set; }

        /// <summary>Proportional gain in per-mille duty per °C of error (key <c>proportionalGain</c>, 0..1000).</summary>
        public int ProportionalGain { get; set; }

        /// <summary>Integral gain in per-mille duty per °C of error per minute (key <c>integralGain</c>, 0..10000).</summary>
        public int IntegralGain { get; set; }

        /// <summary>
        /// Every problem with the policy, each naming the key (prefixed with <paramref name="keyPrefix"/>, e.g.
        /// "governor:"), the value and the allowed range. Empty when the policy is usable.
        /// </summary>
        public string[] Validate(string keyPrefix)
        {
            PolicyErrors errors = new PolicyErrors();
            string p = keyPrefix == null ? string.Empty : keyPrefix;
            CheckCelsius(errors, p + "targetTemperatureC", TargetMilliC, 30000, 95000);
            CheckCelsius(errors, p + "hardLimitC", HardLimitMilliC, 40000, 110000);
            if (HardLimitMilliC < TargetMilliC + 1000)
            {
                errors.Add(p + "hardLimitC = " + MilliCelsius.FormatSetting(HardLimitMilliC) + " °C must be at least 1 °C above " +
                    p + "targetTemperatureC = " + MilliCelsius.FormatSetting(TargetMilliC) + " °C; raise the limit or lower the target.");
            }

            CheckCelsius(errors, p + "resumeHysteresisC", ResumeHysteresisMilliC, 500, 30000);
            CheckPercent(errors, p + "minDutyPercent", MinDutyPercent, 1, 100);
            CheckPercent(errors, p + "maxDutyPercent", MaxDutyPercent, 1, 100);
            if (MinDutyPercent > MaxDutyPercent)
            {
                errors.Add(p + "minDutyPercent = " + MinDutyPercent.ToString() + " must not exceed " + p + "maxDutyPercent = " +
                    MaxDutyPercent.ToString() + ".");
            }

            CheckRange(errors, p + "dutySlewPercentPerSecond", DutySlewPercentPerSecond, 1, 100, string.Empty);
            CheckRange(errors, p + "threads", Threads, 1, 1024, string.Empty);
            CheckRange(errors, p + "idleDelaySeconds", IdleDelaySeconds, 0, 86400, " s");
            CheckPercent(errors, p + "busyCpuPercent", BusyCpuPercent, 1, 100);
            CheckPercent(errors, p + "idleCpuPercent", IdleCpuPercent, 0, 99);
            if (IdleCpuPercent >= BusyCpuPercent)
            {
                errors.Add(p + "idleCpuPercent = " + IdleCpuPercent.ToString() + " must be below " + p + "busyCpuPercent = " +
                    BusyCpuPercent.ToString() + " (the gap stops mining from flapping).");
            }

            if (NoSensor != NoSensorAction.Pause && NoSensor != NoSensorAction.FixedDuty)
            {
                errors.Add(p + "noSensor = " + ((int)NoSensor).ToString() + " is not an action: use pause or fixed.");
            }

            CheckPercent(errors, p + "noSensorDutyPercent", NoSensorDutyPercent, 1, 100);
            CheckSchedule(errors, p + "schedule");
            CheckRange(errors, p + "proportionalGain", ProportionalGain, 0, 1000, string.Empty);
            CheckRange(errors, p + "integralGain", IntegralGain, 0, 10000, string.Empty);
            if (ProportionalGain == 0 && IntegralGain == 0)
            {
                errors.Add(p + "proportionalGain and " + p + "integralGain are both 0: the controller could not react to temperature; set at least one.");
            }

            return errors.ToArray();
        }

        private void CheckSchedule(PolicyErrors errors, string key)
        {
            if (Schedule == null)
            {
                errors.Add(key + " is missing: use an empty list to mine at any time of day.");
                return;
            }

            for (int i = 0; i < Schedule.Length; i++)
            {
                ScheduleWindow window = Schedule[i];
                if (window == null || !window.IsValid)
                {
                    string shown = window == null ? "missing" : window.StartMinute.ToString() + ".." + window.EndMinute.ToString() + " min";
                    errors.Add(key + " window " + (i + 1).ToString() + " (" + shown + ") is not a time window: " +
                        "start and end must be times of day (00:00..23:59) and differ, e.g. 22:00-07:00.");
                }
            }
        }

        private static void CheckCelsius(PolicyErrors errors, string key, int milliC, int minMilliC, int maxMilliC)
        {
            if (milliC < minMilliC || milliC > maxMilliC)
            {
                errors.Add(key + " = " + MilliCelsius.FormatSetting(milliC) + " °C is out of range: allowed " +
                    MilliCelsius.FormatSetting(minMilliC) + " to " + MilliCelsius.FormatSetting(maxMilliC) + " °C.");
            }
        }

        private static void CheckPercent(PolicyErrors errors, string key, int value, int min, int max)
        {
            CheckRange(errors, key, value, min, max, " %");
        }

        private static void CheckRange(PolicyErrors errors, string key, int value, int min, int max, string unit)
        {
            if (value < min || value > max)
            {
                errors.Add(key + " = " + value.ToString() + unit + " is out of range: allowed " + min.ToString() + " to " +
                    max.ToString() + unit + ".");
            }
        }
    }
}
