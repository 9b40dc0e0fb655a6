using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Counts the energy mining used today, this month and since start, in microjoules (mW × ms, exact in integers at
    /// any step), and starts a new day at local midnight and a new month on the 1st.
    /// </summary>
    internal sealed class EnergyBudget
    {
        /// <summary>Microjoules in one milliwatt-hour: 1 mWh = 3.6 J.</summary>
        public const long MicroJoulePerMilliWh = 3600000;

        /// <summary>Seconds in a local day as the budget spreads it (a daylight-saving day is counted as 24 h too).</summary>
        public const int SecondsPerDay = 86400;

        private int _dayKey = -1;
        private int _monthKey = -1;

        /// <summary>Energy used since local midnight, µJ.</summary>
        public long TodayMicroJ { get; private set; }

        /// <summary>Energy used since the 1st of the month, µJ.</summary>
        public long MonthMicroJ { get; private set; }

        /// <summary>Energy used since start, µJ.</summary>
        public long TotalMicroJ { get; private set; }

        /// <summary>Starts a new day or month when <paramref name="inputs"/>' local date says so (nothing without a date).</summary>
        public void Roll(GovernorInputs inputs)
        {
            if (!inputs.LocalDateKnown)
            {
                return;
            }

            int month = (inputs.LocalYear * 100) + inputs.LocalMonth;
            int day = (month * 100) + inputs.LocalDay;
            if (day != _dayKey)
            {
                _dayKey = day;
                TodayMicroJ = 0;
            }

            if (month != _monthKey)
            {
                _monthKey = month;
                MonthMicroJ = 0;
            }
        }

        /// <summary>
        /// Adds energy an earlier run used on local date <paramref name="year"/>-<paramref name="month"/>-<paramref name="day"/>
        /// (today and this month so far), so a restart does not hand out the day's budget again.
        /// </summary>
        public void Restore(int year, int month, int day, long todayMicroJ, long monthMicroJ)
        {
            int monthKey = (year * 100) + month;
            int dayKey = (monthKey * 100) + day;
            if (dayKey != _dayKey)
            {
                _dayKey = dayKey;
                TodayMicroJ = 0;
            }

            if (monthKey != _monthKey)
            {
                _monthKey = monthKey;
                MonthMicroJ = 0;
            }

            TodayMicroJ += todayMicroJ < 0 ? 0 : todayMicroJ;
            MonthMicroJ += monthMicroJ < 0 ? 0 : monthMicroJ;
        }

        /// <summary>Adds energy used.</summary>
        public void Add(long microJ)
        {
            TodayMicroJ += microJ;
            MonthMicroJ += microJ;
            TotalMicroJ += microJ;
        }

        /// <summary><paramref name="budgetMilliWh"/> × <paramref name="elapsed"/> / <paramref name="period"/>, in µJ, without overflowing 64 bits.</summary>
        public static long Share(long budgetMilliWh, long elapsed, long period)
        {
            long q = budgetMilliWh * elapsed;
            return ((q / period) * MicroJoulePerMilliWh) + ((q % period) * MicroJoulePerMilliWh / period);
        }

        /// <summary>Days in <paramref name="month"/> of <paramref name="year"/> (Gregorian calendar).</summary>
        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }
    }
}
