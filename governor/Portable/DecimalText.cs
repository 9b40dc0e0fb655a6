using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Reads and writes fixed-point decimals without floating point (the ESP32 has no double FPU, and a reason text
    /// must read the same on the Pi and on the board): prices in nano-units of the currency, power in milliwatts.
    /// </summary>
    public static class DecimalText
    {
        private const int MaxDecimals = 9;

        /// <summary>
        /// <paramref name="value"/> / <paramref name="unit"/> with about three significant digits and no trailing
        /// zeros: (410_000_000, 1e9) → "0.41", (2_050, 1_000) → "2.05", (123_456, 1_000) → "123", (0, x) → "0".
        /// </summary>
        /// <param name="value">The amount in its fixed-point unit (e.g. nano-euros).</param>
        /// <param name="unit">How many of those make one displayed unit (positive, at most 10^9 so the arithmetic stays in 64 bits).</param>
        public static string Format(long value, long unit)
        {
            bool negative = value < 0;
            long magnitude = negative ? -value : value;
            long whole = magnitude / unit;
            long rest = magnitude % unit;
            int decimals = DecimalsFor(whole, rest, unit);
            long scale = Pow10(decimals);
            long fraction = FixedPoint.DivideRounded(rest * scale, unit);
            if (fraction >= scale)
            {
                whole++;
                fraction -= scale;
            }

            string text = whole.ToString();
            if (decimals > 0 && fraction > 0)
            {
                string digits = fraction.ToString();
                while (digits.Length < decimals)
                {
                    digits = "0" + digits;
                }

                text += "." + TrimZeros(digits);
            }

            return negative && text != "0" ? "-" + text : text;
        }

        /// <summary>
        /// Parses "0.41", "-12", "1000.5" into value × 10^<paramref name="decimals"/>, rounding further digits half
        /// away from zero. No exponent, no thousands separator, '.' as the decimal point (configuration is culture-free).
        /// </summary>
        /// <returns>False when the text is not such a number or the result would not fit (|value| up to 10^18 units).</returns>
        public static bool TryParse(string text, int decimals, out long value)
        {
            value = 0;
            if (text == null || decimals < 0 || decimals > MaxDecimals)
            {
                return false;
            }

            string t = text.Trim();
            bool negative = t.Length > 0 && t[0] == '-';
            int i = negative || (t.Length > 0 && t[0] == '+') ? 1 : 0;
            long result = 0;
            int digits = 0;
            int fractionDigits = -1;
            bool roundUp = false;
            for (; i < t.Length; i++)
            {
                char c = t[i];
                if (c == '.' && fractionDigits < 0)
                {
                    fractionDigits = 0;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                digits++;
                if (fractionDigits >= decimals)
                {
                    // Digits beyond the precision only round (the first of them decides).
                    roundUp |= fractionDigits == decimals && c >= '5';
                    fractionDigits++;
                    continue;
                }

                if (result > 900_000_000_000_000_000L / 10)
                {
                    return false;
                }

                result = (result * 10) + (c - '0');
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            int have = fractionDigits < 0 ? 0 : (fractionDigits > decimals ? decimals : fractionDigits);
            for (int k = have; k < decimals; k++)
            {
                if (result > 900_000_000_000_000_000L / 10)
                {
                    return false;
                }

                result *= 10;
            }

            result += roundUp ? 1 : 0;
            value = negative ? -result : result;
            return true;
        }

        private static int DecimalsFor(long whole, long rest, long unit)
        {
            if (whole >= 100)
            {
                return 0;
            }

            if (whole >= 10)
            {
                return 1;
            }

            if (whole >= 1)
            {
                return 2;
            }

            // Below one: three significant digits after the leading zeros, within the unit's precision.
            int zeros = 0;
            long r = rest;
            while (r > 0 && r * 10 < unit && zeros < MaxDecimals)
            {
                r *= 10;
                zeros++;
            }

            int decimals = zeros + 3;
            int precision = DigitsOf(unit);
            return decimals > precision ? precision : decimals;
        }

        private static int DigitsOf(long unit)
        {
            int digits = 0;
            for (long u = unit; u >= 10; u /= 10)
            {
                digits++;
            }

            return digits < 1 ? 1 : digits;
        }

        private static long Pow10(int n)
        {
            long result = 1;
            for (int i = 0; i < n; i++)
            {
                result *= 10;
            }

            return result;
        }

        private static string TrimZeros(string digits)
        {
            int end = digits.Length;
            while (end > 0 && digits[end - 1] == '0')
            {
                end--;
            }

            return digits.Substring(0, end);
        }
    }
}
