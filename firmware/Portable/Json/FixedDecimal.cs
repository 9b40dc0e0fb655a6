using System;

namespace IotMinerAgent.Firmware.Json
{
    /// <summary>
    /// Decimal text to scaled integers and back, so temperatures, gains and hash rates never pass through double
    /// (the ESP32 has no double FPU; nanoFramework emulates it slowly).
    /// </summary>
    public static class FixedDecimal
    {
        /// <summary>
        /// Parses a JSON number without exponent into an integer scaled by 10^<paramref name="decimals"/>, rounding half
        /// away from zero: ("65.5", 3) → 65500, ("0.5556", 6) → 555600.
        /// </summary>
        /// <returns>False for an exponent, for more than 15 integer digits, or for text that is not a number.</returns>
        public static bool TryParse(string text, int decimals, out long scaled)
        {
            scaled = 0;
            int position = 0;
            bool negative = text.Length > 0 && text[0] == '-';
            if (negative)
            {
                position++;
            }

            long whole = 0;
            int wholeDigits = 0;
            while (position < text.Length && IsDigit(text[position]))
            {
                if (++wholeDigits > 15)
                {
                    return false;
                }

                whole = (whole * 10) + (text[position++] - '0');
            }

            long fraction = 0;
            int fractionDigits = 0;
            bool roundUp = false;
            if (position < text.Length && text[position] == '.')
            {
                position++;
                while (position < text.Length && IsDigit(text[position]))
                {
                    int digit = text[position++] - '0';
                    if (fractionDigits < decimals)
                    {
                        fraction = (fraction * 10) + digit;
                        fractionDigits++;
                    }
                    else if (fractionDigits == decimals)
                    {
                        roundUp = digit >= 5;
                        fractionDigits++;
                    }
                }
            }

            if (wholeDigits == 0 || position != text.Length)
            {
                return false;
            }

            for (int i = fractionDigits > decimals ? decimals : fractionDigits; i < decimals; i++)
            {
                fraction *= 10;
            }

            long magnitude = (whole * Power10(decimals)) + fraction + (roundUp ? 1 : 0);
            scaled = negative ? -magnitude : magnitude;
            return true;
        }

        /// <summary>Formats an integer scaled by 10^<paramref name="decimals"/> without trailing zeros: (71250, 3) → "71.25".</summary>
        public static string Format(long scaled, int decimals)
        {
            long power = Power10(decimals);
            string sign = scaled < 0 ? "-" : string.Empty;
            long magnitude = scaled < 0 ? -scaled : scaled;
            string whole = sign + (magnitude / power).ToString();
            long fraction = magnitude % power;
            if (fraction == 0)
            {
                return whole;
            }

            string digits = fraction.ToString();
            while (digits.Length < decimals)
            {
                digits = "0" + digits;
            }

            int length = digits.Length;
            while (digits[length - 1] == '0')
            {
                length--;
            }

            return whole + "." + digits.Substring(0, length);
        }

        private static long Power10(int decimals)
        {
            long power = 1;
            for (int i = 0; i < decimals; i++)
            {
                power *= 10;
            }

            return power;
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
