using System;

namespace IotMinerAgent.Governor
{
    /// <summary>What the device reports at one instant; filled by the platform (the Linux agent or the firmware).</summary>
    public sealed class GovernorInputs
    {
        /// <summary>Creates inputs with no temperature, an unknown idle state and an unknown time of day.</summary>
        public GovernorInputs()
        {
            MinuteOfDay = -1;
            BusyDetail = string.Empty;
            Energy = new EnergyReadings();
        }

        /// <summary>True when <see cref="TemperatureMilliC"/> holds a reading.</summary>
        public bool HasTemperature { get; set; }

        /// <summary>CPU temperature in milli-°C; only meaningful with <see cref="HasTemperature"/>.</summary>
        public int TemperatureMilliC { get; set; }

        /// <summary>True when an idle source could tell whether the device is idle.</summary>
        public bool IdleKnown { get; set; }

        /// <summary>True when nothing but the miner uses the device; only meaningful with <see cref="IdleKnown"/>.</summary>
        public bool DeviceIdle { get; set; }

        /// <summary>What made the device busy, for the owner ("other processes 91 % CPU"); empty when unknown or idle.</summary>
        public string BusyDetail { get; set; }

        /// <summary>How long the device has been idle, in milliseconds.</summary>
        public long IdleForMs { get; set; }

        /// <summary>Local minute of the day (0..1439), or -1 when the clock is not set (e.g. before SNTP on the ESP32).</summary>
        public int MinuteOfDay { get; set; }

        /// <summary>True when the local calendar date and time are known (<see cref="WithLocalTime"/>); the energy budget needs them.</summary>
        public bool LocalDateKnown { get; set; }

        /// <summary>Local year, e.g. 2026; only meaningful with <see cref="LocalDateKnown"/>.</summary>
        public int LocalYear { get; set; }

        /// <summary>Local month, 1..12.</summary>
        public int LocalMonth { get; set; }

        /// <summary>Local day of the month, 1..31.</summary>
        public int LocalDay { get; set; }

        /// <summary>Local second of the day, 0..86399.</summary>
        public int SecondOfDay { get; set; }

        /// <summary>Price, earnings, surplus and measured power for the energy mode.</summary>
        public EnergyReadings Energy { get; set; }

        /// <summary>Sets the local date and time of day (also <see cref="MinuteOfDay"/>).</summary>
        public GovernorInputs WithLocalTime(int year, int month, int day, int secondOfDay)
        {
            LocalDateKnown = true;
            LocalYear = year;
            LocalMonth = month;
            LocalDay = day;
            SecondOfDay = secondOfDay;
            MinuteOfDay = secondOfDay / 60;
            return this;
        }

        /// <summary>Sets a temperature reading.</summary>
        public GovernorInputs WithTemperature(int milliC)
        {
            HasTemperature = true;
            TemperatureMilliC = milliC;
            return this;
        }

        /// <summary>Sets the idle state.</summary>
        public GovernorInputs WithIdle(bool idle, long idleForMs)
        {
            IdleKnown = true;
            DeviceIdle = idle;
            IdleForMs = idle ? idleForMs : 0;
            return this;
        }
    }
}
