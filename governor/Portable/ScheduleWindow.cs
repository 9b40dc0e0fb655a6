using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// A daily time window in which mining is allowed, in minutes of the local day. A window whose end is before its
    /// start wraps past midnight: 22:00–07:00 allows 22:00..23:59 and 00:00..06:59. The end minute is excluded.
    /// </summary>
    public sealed class ScheduleWindow
    {
        /// <summary>Minutes in a day; valid minutes are 0..1439.</summary>
        public const int MinutesPerDay = 1440;

        private readonly int _startMinute;
        private readonly int _endMinute;

        /// <summary>Creates a window; <see cref="GovernorPolicy.Validate"/> reports out-of-range or empty windows.</summary>
        /// <param name="startMinute">First allowed minute of the day (0..1439).</param>
        /// <param name="endMinute">First minute no longer allowed (0..1439, different from the start).</param>
        public ScheduleWindow(int startMinute, int endMinute)
        {
            _startMinute = startMinute;
            _endMinute = endMinute;
        }

        /// <summary>First allowed minute of the day.</summary>
        public int StartMinute
        {
            get { return _startMinute; }
        }

        /// <summary>First minute of the day after the window.</summary>
        public int EndMinute
        {
            get { return _endMinute; }
        }

        /// <summary>True when both ends are minutes of a day and the window is not empty.</summary>
        public bool IsValid
        {
            get { return IsMinuteOfDay(_startMinute) && IsMinuteOfDay(_endMinute) && _startMinute != _endMinute; }
        }

        /// <summary>True when <paramref name="minuteOfDay"/> lies inside the window.</summary>
        public bool Contains(int minuteOfDay)
        {
            if (_startMinute < _endMinute)
            {
                return minuteOfDay >= _startMinute && minuteOfDay < _endMinute;
            }

            return minuteOfDay >= _startMinute || minuteOfDay < _endMinute;
        }

        /// <summary>Parses "HH:MM-HH:MM" (24-hour clock, e.g. "22:00-07:00").</summary>
        /// <returns>False when the text is not in that form or a time is not a time of day.</returns>
        public static bool TryParse(string text, out ScheduleWindow window)
        {
            window = new ScheduleWindow(0, 0);
            if (text == null)
            {
                return false;
            }

            string trimmed = text.Trim();
            int dash = trimmed.IndexOf('-');
            int start;
            int end;
            if (dash < 0 || !TryParseTime(trimmed.Substring(0, dash).Trim(), out start) ||
                !TryParseTime(trimmed.Substring(dash + 1).Trim(), out end))
            {
                return false;
            }

            window = new ScheduleWindow(start, end);
            return true;
        }

        /// <summary>The window as "HH:MM-HH:MM".</summary>
        public override string ToString()
        {
            return FormatTime(_startMinute) + "-" + FormatTime(_endMinute);
        }

        private static bool IsMinuteOfDay(int minute)
        {
            return minute >= 0 && minute < MinutesPerDay;
        }

        private static string FormatTime(int minute)
        {
            return (minute / 60).ToString("D2") + ":" + (minute % 60).ToString("D2");
        }

        // Hand-written rather than int.TryParse: the text is tiny, and nanoFramework's parsing API differs by version.
        private static bool TryParseTime(string text, out int minuteOfDay)
        {
            minuteOfDay = 0;
            int colon = text.IndexOf(':');
            int hours;
            int minutes;
            if (colon < 1 || text.Length - colon != 3 || !TryParseDigits(text.Substring(0, colon), out hours) ||
                !TryParseDigits(text.Substring(colon + 1), out minutes) || hours > 23 || minutes > 59)
            {
                return false;
            }

            minuteOfDay = (hours * 60) + minutes;
            return true;
        }

        private static bool TryParseDigits(string text, out int value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 2)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }
}
