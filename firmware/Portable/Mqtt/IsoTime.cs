using System;

namespace IotMinerAgent.Firmware.Mqtt
{
    /// <summary>ISO 8601 UTC text (<c>2025-03-14T15:09:26.512+00:00</c>) written digit by digit: nanoFramework's DateTime formats differ from .NET's.</summary>
    public static class IsoTime
    {
        /// <summary>The time with milliseconds and the +00:00 offset the Linux agent writes.</summary>
        public static string Format(DateTime utc)
        {
            return Digits(utc.Year, 4) + "-" + Digits(utc.Month, 2) + "-" + Digits(utc.Day, 2) + "T" + Digits(utc.Hour, 2) + ":" +
                Digits(utc.Minute, 2) + ":" + Digits(utc.Second, 2) + "." + Digits(utc.Millisecond, 3) + "+00:00";
        }

        private static string Digits(int value, int width)
        {
            string text = value.ToString();
            while (text.Length < width)
            {
                text = "0" + text;
            }

            return text;
        }
    }
}
