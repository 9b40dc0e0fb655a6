using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Formats temperatures held in milli-°C without floating point (nanoFramework on the ESP32 has no double FPU,
    /// and a reason text must read the same on the Pi and on the board).
    /// </summary>
    public static class MilliCelsius
    {
        /// <summary>A reading with one decimal, rounded half away from zero: 71234 → "71.2", -40 → "0.0".</summary>
        public static string FormatReading(int milliC)
        {
            return Format(milliC, true);
        }

        /// <summary>A configured value: whole degrees without a decimal (70000 → "70"), else one decimal (70500 → "70.5").</summary>
        public static string FormatSetting(int milliC)
        {
            return Format(milliC, false);
        }

        private static string Format(int milliC, bool alwaysDecimal)
        {
            long tenths = FixedPoint.DivideRounded(milliC, 100);
            string sign = tenths < 0 ? "-" : string.Empty;
            long magnitude = tenths < 0 ? -tenths : tenths;
            string whole = sign + (magnitude / 10).ToString();
            long decimalDigit = magnitude % 10;
            return alwaysDecimal || decimalDigit != 0 ? whole + "." + decimalDigit.ToString() : whole;
        }
    }
}
