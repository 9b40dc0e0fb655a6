using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>Difficulties as decimal text: what mining.set_difficulty sends and what reports print.</summary>
    public partial struct Difficulty
    {
        /// <summary>Most significant digits <see cref="Parse"/> keeps exactly.</summary>
        private const int MaxSignificantDigits = 40;

        /// <summary>Decimal orders of magnitude <see cref="Parse"/> accepts: 1e-60 .. 9.99e60.</summary>
        private const int MaxDecimalMagnitude = 60;

        /// <summary>Significant digits <see cref="ToString"/> prints.</summary>
        private const int PrintedDigits = 12;

        private const string Expected = "give a positive decimal number such as 1, 0.001, 683.5, 1e-3 or 16384";

        /// <summary>
        /// Parses a positive decimal number: digits with an optional fraction and an optional exponent
        /// ("1", "0.001", "683.5", "1e-3", "16384", "2.5E+4"), converted exactly and truncated to 64 bits.
        /// </summary>
        /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
        /// <exception cref="FormatException">When the text is not such a number, is not above zero, or is out of range; the message says which.</exception>
        public static Difficulty Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            Difficulty difficulty;
            string? error = TryParseCore(text, out difficulty);
            if (error != null)
            {
                throw new FormatException(error);
            }

            return difficulty;
        }

        /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
        public static bool TryParse(string text, out Difficulty difficulty)
        {
            difficulty = new Difficulty();
            return text != null && TryParseCore(text, out difficulty) == null;
        }

        /// <summary>About 12 significant digits, invariant: "683.5", "0.001", "16384", "2.69599466497e+67".</summary>
        public override string ToString()
        {
            if (_mantissa == 0)
            {
                return "0";
            }

            int decimalExponent;
            ulong digits = RoundToPrintedDigits(out decimalExponent);
            return Format(digits.ToString(), decimalExponent);
        }

        /// <summary>Parses; returns null on success, or the error message.</summary>
        private static string? TryParseCore(string text, out Difficulty difficulty)
        {
            difficulty = new Difficulty();
            string trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return "Difficulty text is empty: " + Expected + ".";
            }

            if (trimmed[0] == '-')
            {
                return "Difficulty '" + text + "' is negative: " + Expected + ".";
            }

            int position = trimmed[0] == '+' ? 1 : 0;
            uint[] significand;
            int digits, significantDigits, fractionDigits;
            if (!ReadSignificand(trimmed, ref position, out significand, out digits, out significantDigits, out fractionDigits))
            {
                return "Difficulty '" + text + "' has more than " + MaxSignificantDigits + " significant digits.";
            }

            if (position < trimmed.Length && trimmed[position] != 'e' && trimmed[position] != 'E')
            {
                return "Difficulty '" + text + "' has '" + trimmed[position] + "' where a digit, '.' or an exponent belongs: " + Expected + ".";
            }

            if (digits == 0)
            {
                return "Difficulty '" + text + "' has no digits: " + Expected + ".";
            }

            int exponent = 0;
            if (position < trimmed.Length)
            {
                string? exponentError = ParseExponent(text, trimmed, position + 1, out exponent);
                if (exponentError != null)
                {
                    return exponentError;
                }
            }

            if (significantDigits == 0)
            {
                return "Difficulty '" + text + "' is zero: a difficulty must be greater than zero.";
            }

            // value = significand · 10^decimalExponent, and its leading digit is worth 10^magnitude.
            int decimalExponent = exponent - fractionDigits;
            int magnitude = decimalExponent + significantDigits - 1;
            if (magnitude < -MaxDecimalMagnitude || magnitude > MaxDecimalMagnitude)
            {
                return "Difficulty '" + text + "' is out of range: supported difficulties lie between 1e-60 and 1e60.";
            }

            difficulty = FromDecimal(significand, decimalExponent);
            return null;
        }

        /// <summary>
        /// Reads digits with at most one '.' from <paramref name="position"/> into an exact integer, stopping at the
        /// first other character. Returns false when there are more than <see cref="MaxSignificantDigits"/> significant digits.
        /// </summary>
        private static bool ReadSignificand(string trimmed, ref int position, out uint[] significand, out int digits, out int significantDigits, out int fractionDigits)
        {
            significand = new uint[] { 0 };
            digits = 0;
            significantDigits = 0;
            fractionDigits = 0;
            bool inFraction = false;
            for (; position < trimmed.Length; position++)
            {
                char c = trimmed[position];
                if (c == '.' && !inFraction)
                {
                    inFraction = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return true;
                }

                digits++;
                fractionDigits += inFraction ? 1 : 0;
                if (significantDigits > 0 || c != '0')
                {
                    if (++significantDigits > MaxSignificantDigits)
                    {
                        return false;
                    }

                    significand = WideInteger.MultiplyAdd(significand, 10, (uint)(c - '0'));
                }
            }

            return true;
        }

        /// <summary>Parses the exponent's optional sign and digits, from <paramref name="position"/> (just after the 'e') to the end.</summary>
        private static string? ParseExponent(string text, string trimmed, int position, out int exponent)
        {
            exponent = 0;
            bool negative = false;
            if (position < trimmed.Length && (trimmed[position] == '+' || trimmed[position] == '-'))
            {
                negative = trimmed[position] == '-';
                position++;
            }

            if (position == trimmed.Length)
            {
                return "Difficulty '" + text + "' ends in an exponent without digits: " + Expected + ".";
            }

            for (; position < trimmed.Length; position++)
            {
                char c = trimmed[position];
                if (c < '0' || c > '9')
                {
                    return "Difficulty '" + text + "' has '" + c + "' in its exponent, where only digits belong.";
                }

                // Past 9999 the magnitude check fails anyway; stop growing so the int cannot overflow.
                if (exponent < 10000)
                {
                    exponent = (exponent * 10) + (c - '0');
                }
            }

            if (negative)
            {
                exponent = -exponent;
            }

            return null;
        }

        /// <summary>significand · 10^decimalExponent, exactly then truncated to 64 bits.</summary>
        private static Difficulty FromDecimal(uint[] significand, int decimalExponent)
        {
            int exponent;
            ulong mantissa = decimalExponent >= 0
                ? WideInteger.TopBits(MultiplyByPowerOfTen(significand, decimalExponent), out exponent)
                : WideInteger.DivideToMantissa(significand, WideInteger.PowerOfTen(-decimalExponent), out exponent);
            return new Difficulty(mantissa, exponent);
        }

        private static uint[] MultiplyByPowerOfTen(uint[] x, int power)
        {
            for (int i = 0; i < power; i++)
            {
                x = WideInteger.MultiplyAdd(x, 10, 0);
            }

            return x;
        }

        /// <summary>
        /// The value rounded to <see cref="PrintedDigits"/> significant digits: an integer in [10^11, 10^12) and the
        /// decimal exponent of its first digit.
        /// </summary>
        private ulong RoundToPrintedDigits(out int decimalExponent)
        {
            // log10(m · 2^e) lies in [(63 + e)·log10 2, (64 + e)·log10 2); start from the lower end, then correct.
            decimalExponent = FloorDivide((63 + _exponent) * 30103, 100000);
            while (true)
            {
                ulong digits = ScaleRounded(PrintedDigits - 1 - decimalExponent);
                if (digits >= 1000000000000UL)
                {
                    decimalExponent++;
                }
                else if (digits < 100000000000UL)
                {
                    decimalExponent--;
                }
                else
                {
                    return digits;
                }
            }
        }

        /// <summary>round(m · 2^e · 10^power), half up, for results that fit 64 bits.</summary>
        private ulong ScaleRounded(int power)
        {
            uint[] numerator = WideInteger.FromUInt64(_mantissa);
            uint[] denominator = new uint[] { 1 };
            if (power >= 0)
            {
                numerator = MultiplyByPowerOfTen(numerator, power);
            }
            else
            {
                denominator = WideInteger.PowerOfTen(-power);
            }

            if (_exponent >= 0)
            {
                numerator = WideInteger.ShiftLeft(numerator, _exponent);
            }
            else
            {
                denominator = WideInteger.ShiftLeft(denominator, -_exponent);
            }

            // round(n / d) = floor((2n + d) / 2d).
            uint[] twiceNumeratorPlusDenominator = Add(WideInteger.ShiftLeft(numerator, 1), denominator);
            uint[] quotient = WideInteger.DivideFloor(twiceNumeratorPlusDenominator, WideInteger.ShiftLeft(denominator, 1));
            return WideInteger.BitLength(quotient) > 64 ? ulong.MaxValue : ((ulong)quotient[1] << 32) | quotient[0];
        }

        private static uint[] Add(uint[] x, uint[] y)
        {
            int length = (x.Length > y.Length ? x.Length : y.Length) + 1;
            uint[] sum = new uint[length];
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong total = (i < x.Length ? x[i] : 0UL) + (i < y.Length ? y[i] : 0UL) + carry;
                sum[i] = (uint)total;
                carry = total >> 32;
            }

            return sum;
        }

        private static int FloorDivide(int numerator, int denominator)
        {
            int quotient = numerator / denominator;
            return (numerator % denominator != 0 && numerator < 0) ? quotient - 1 : quotient;
        }

        /// <summary>Places the decimal point: plain notation for 1e-5 .. 1e15, scientific beyond.</summary>
        private static string Format(string twelveDigits, int decimalExponent)
        {
            int length = twelveDigits.Length;
            while (length > 1 && twelveDigits[length - 1] == '0')
            {
                length--;
            }

            string significant = twelveDigits.Substring(0, length);
            if (decimalExponent < -5 || decimalExponent >= 15)
            {
                string fraction = length > 1 ? "." + significant.Substring(1) : string.Empty;
                return significant.Substring(0, 1) + fraction + "e" + (decimalExponent < 0 ? "-" : "+") + (decimalExponent < 0 ? -decimalExponent : decimalExponent);
            }

            if (decimalExponent < 0)
            {
                return "0." + new string('0', -decimalExponent - 1) + significant;
            }

            if (length <= decimalExponent + 1)
            {
                return significant + new string('0', decimalExponent + 1 - length);
            }

            return significant.Substring(0, decimalExponent + 1) + "." + significant.Substring(decimalExponent + 1);
        }
    }
}
