using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Unsigned integers of any width as uint arrays, least significant word first: just enough arithmetic for
    /// targets and difficulties (shifts, multiply by a small number, long division) without BigInteger or a
    /// double FPU, neither of which the ESP32 build has. Inputs are never modified; results are new arrays.
    /// Long division is binary shift-and-subtract: a few hundred steps, used per job or per share, never per nonce.
    /// </summary>
    internal static class WideInteger
    {
        /// <summary>The value as a one- or two-word integer.</summary>
        public static uint[] FromUInt64(ulong value)
        {
            return new uint[] { (uint)value, (uint)(value >> 32) };
        }

        /// <summary>The number of significant bits (0 for zero).</summary>
        public static int BitLength(uint[] x)
        {
            for (int i = x.Length - 1; i >= 0; i--)
            {
                if (x[i] != 0)
                {
                    int bits = 32;
                    uint word = x[i];
                    while ((word & 0x80000000) == 0)
                    {
                        word <<= 1;
                        bits--;
                    }

                    return (i * 32) + bits;
                }
            }

            return 0;
        }

        /// <summary>True when the value is zero.</summary>
        public static bool IsZero(uint[] x)
        {
            return BitLength(x) == 0;
        }

        /// <summary>x · 2^bits, sized to fit.</summary>
        public static uint[] ShiftLeft(uint[] x, int bits)
        {
            int wordShift = bits / 32;
            int bitShift = bits % 32;
            uint[] result = new uint[x.Length + wordShift + 1];
            for (int i = 0; i < x.Length; i++)
            {
                result[i + wordShift] |= x[i] << bitShift;
                if (bitShift != 0)
                {
                    result[i + wordShift + 1] |= x[i] >> (32 - bitShift);
                }
            }

            return result;
        }

        /// <summary>x · factor + addend, sized to fit.</summary>
        public static uint[] MultiplyAdd(uint[] x, uint factor, uint addend)
        {
            uint[] result = new uint[x.Length + 1];
            ulong carry = addend;
            for (int i = 0; i < x.Length; i++)
            {
                ulong product = ((ulong)x[i] * factor) + carry;
                result[i] = (uint)product;
                carry = product >> 32;
            }

            result[x.Length] = (uint)carry;
            return result;
        }

        /// <summary>10^exponent for exponent ≥ 0.</summary>
        public static uint[] PowerOfTen(int exponent)
        {
            uint[] result = new uint[] { 1 };
            for (int i = 0; i < exponent; i++)
            {
                result = MultiplyAdd(result, 10, 0);
            }

            return result;
        }

        /// <summary>-1, 0 or 1 as x is below, equal to or above y (widths may differ).</summary>
        public static int Compare(uint[] x, uint[] y)
        {
            int length = x.Length > y.Length ? x.Length : y.Length;
            for (int i = length - 1; i >= 0; i--)
            {
                uint a = i < x.Length ? x[i] : 0;
                uint b = i < y.Length ? y[i] : 0;
                if (a != b)
                {
                    return a < b ? -1 : 1;
                }
            }

            return 0;
        }

        /// <summary>floor(numerator / denominator), as wide as the numerator.</summary>
        /// <exception cref="DivideByZeroException">When the denominator is zero.</exception>
        public static uint[] DivideFloor(uint[] numerator, uint[] denominator)
        {
            if (IsZero(denominator))
            {
                throw new DivideByZeroException();
            }

            uint[] quotient = new uint[numerator.Length];
            uint[] remainder = new uint[denominator.Length + 1];
            for (int bit = BitLength(numerator) - 1; bit >= 0; bit--)
            {
                ShiftInBit(remainder, (numerator[bit / 32] >> (bit % 32)) & 1);
                if (Compare(remainder, denominator) >= 0)
                {
                    SubtractInPlace(remainder, denominator);
                    quotient[bit / 32] |= 1u << (bit % 32);
                }
            }

            return quotient;
        }

        /// <summary>
        /// The top 64 bits of x, truncated, with the top bit set, and the binary exponent e such that the result
        /// · 2^e ≤ x &lt; (result + 1) · 2^e. Zero gives 0 with exponent 0.
        /// </summary>
        public static ulong TopBits(uint[] x, out int exponent)
        {
            int length = BitLength(x);
            exponent = length - 64;
            ulong top = 0;
            for (int bit = length - 1; bit >= 0 && bit >= length - 64; bit--)
            {
                top = (top << 1) | ((x[bit / 32] >> (bit % 32)) & 1);
            }

            return length < 64 ? top << (64 - length) : top;
        }

        /// <summary>
        /// numerator / denominator as a 64-bit mantissa m with its top bit set and exponent e, truncated:
        /// m · 2^e ≤ numerator / denominator &lt; (m + 1) · 2^e, so the relative error is below 2^-63.
        /// </summary>
        public static ulong DivideToMantissa(uint[] numerator, uint[] denominator, out int exponent)
        {
            // Scale so the integer quotient has 64 or 65 bits: with n and d of ln and ld bits,
            // n · 2^shift / d lies in [2^(ln + shift - ld - 1), 2^(ln + shift - ld + 1)) = [2^63, 2^65).
            int shift = 64 + BitLength(denominator) - BitLength(numerator);
            uint[] quotient = shift >= 0
                ? DivideFloor(ShiftLeft(numerator, shift), denominator)
                : DivideFloor(numerator, ShiftLeft(denominator, -shift));

            // floor(floor(a) / 2^k) = floor(a / 2^k): truncating the quotient keeps the result a true floor.
            int quotientExponent;
            ulong mantissa = TopBits(quotient, out quotientExponent);
            exponent = quotientExponent - shift;
            return mantissa;
        }

        private static void ShiftInBit(uint[] x, uint bit)
        {
            uint carry = bit;
            for (int i = 0; i < x.Length; i++)
            {
                uint next = x[i] >> 31;
                x[i] = (x[i] << 1) | carry;
                carry = next;
            }
        }

        private static void SubtractInPlace(uint[] x, uint[] y)
        {
            ulong borrow = 0;
            for (int i = 0; i < x.Length; i++)
            {
                ulong subtrahend = (i < y.Length ? y[i] : 0) + borrow;
                borrow = x[i] < subtrahend ? 1UL : 0UL;
                x[i] = (uint)(x[i] - subtrahend);
            }
        }
    }
}
