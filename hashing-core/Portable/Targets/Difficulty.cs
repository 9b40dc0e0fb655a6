using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// A mining difficulty as a software float: value = <see cref="Mantissa"/> · 2^<see cref="Exponent"/> with a
    /// 64-bit mantissa whose top bit is set (the default value is zero, which no valid difficulty is).
    /// Everything is integer arithmetic, because the ESP32 has no double FPU; 64 significant bits are more
    /// precision than a double's 53, so the floating definitions are met to within 2^-63 relative (results truncate).
    /// </summary>
    public partial struct Difficulty
    {
        /// <summary>Bitcoin's difficulty-1 target 0xFFFF·2^208 (pdiff, en.bitcoin.it/wiki/Difficulty) as a normalized mantissa…</summary>
        internal const ulong Diff1Mantissa = 0xFFFF000000000000UL;

        /// <summary>…and its binary exponent: 0xFFFF·2^208 = (0xFFFF·2^48)·2^160.</summary>
        internal const int Diff1Exponent = 160;

        /// <summary>scrypt pools' difficulty 1 is 2^16 times Bitcoin's diff1 (see <see cref="Target.FromPoolDifficulty"/>).</summary>
        internal const int ScryptPoolDiff1Shift = 16;

        private readonly ulong _mantissa;
        private readonly int _exponent;

        private Difficulty(ulong mantissa, int exponent)
        {
            _mantissa = mantissa;
            _exponent = exponent;
        }

        /// <summary>The 64-bit mantissa, top bit set (0 only for the zero default value).</summary>
        public ulong Mantissa
        {
            get { return _mantissa; }
        }

        /// <summary>The binary exponent: the value is <see cref="Mantissa"/> · 2^Exponent.</summary>
        public int Exponent
        {
            get { return _exponent; }
        }

        /// <summary>True for every difficulty except the zero default value.</summary>
        public bool IsPositive
        {
            get { return _mantissa != 0; }
        }

        /// <summary>An exact integer difficulty, e.g. a pool's "16384".</summary>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="value"/> is zero.</exception>
        public static Difficulty FromInteger(ulong value)
        {
            if (value == 0)
            {
                throw new ArgumentOutOfRangeException("value", "A difficulty must be greater than zero.");
            }

            int exponent;
            ulong mantissa = WideInteger.TopBits(WideInteger.FromUInt64(value), out exponent);
            return new Difficulty(mantissa, exponent);
        }

        /// <summary>
        /// The share difficulty of a hash: diff1 / hash, the hash being the 32 raw digest bytes read as a
        /// little-endian 256-bit integer (en.bitcoin.it/wiki/Difficulty). A zero hash counts as 1, so the largest result is diff1 itself.
        /// </summary>
        /// <exception cref="ArgumentException">When <paramref name="hash32"/> is not 32 bytes.</exception>
        public static Difficulty OfHash(byte[] hash32)
        {
            if (hash32 == null || hash32.Length != 32)
            {
                throw new ArgumentException("A hash is exactly 32 bytes (the raw digest, not display order).", "hash32");
            }

            uint[] words = new uint[8];
            for (int i = 0; i < 32; i++)
            {
                words[i / 4] |= (uint)hash32[i] << (8 * (i % 4));
            }

            return OfWideInteger(words);
        }

        /// <summary>The difficulty a target stands for: diff1 / target (a zero target counts as 1, like a zero hash).</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="target"/> is null.</exception>
        public static Difficulty OfTarget(Target target)
        {
            if (target == null)
            {
                throw new ArgumentNullException("target");
            }

            return OfWideInteger(target.CopyWords());
        }

        /// <summary>Negative, zero or positive as this difficulty is below, equal to or above <paramref name="other"/>.</summary>
        public int CompareTo(Difficulty other)
        {
            if (_mantissa == 0 || other._mantissa == 0)
            {
                return _mantissa == other._mantissa ? 0 : (_mantissa == 0 ? -1 : 1);
            }

            if (_exponent != other._exponent)
            {
                return _exponent < other._exponent ? -1 : 1;
            }

            return _mantissa == other._mantissa ? 0 : (_mantissa < other._mantissa ? -1 : 1);
        }

        /// <summary>True when this difficulty is at least <paramref name="other"/>, e.g. a share's difficulty against the pool's.</summary>
        public bool IsAtLeast(Difficulty other)
        {
            return CompareTo(other) >= 0;
        }

        /// <summary>True when <paramref name="obj"/> is a difficulty of the same value.</summary>
        public override bool Equals(object? obj)
        {
            return obj is Difficulty && CompareTo((Difficulty)obj) == 0;
        }

        /// <summary>A hash code from the value.</summary>
        public override int GetHashCode()
        {
            return _mantissa.GetHashCode() ^ (_exponent * 397);
        }

        /// <summary>The value as a double, for reports on Linux (rounded to 53 bits; exact powers of two scale it).</summary>
        public double ToDouble()
        {
            const double TwoTo32 = 4294967296.0;
            double value = (double)_mantissa;
            int exponent = _exponent;
            while (exponent >= 32)
            {
                value *= TwoTo32;
                exponent -= 32;
            }

            while (exponent <= -32)
            {
                value /= TwoTo32;
                exponent += 32;
            }

            return exponent >= 0 ? value * (1UL << exponent) : value / (1UL << -exponent);
        }

        private static Difficulty OfWideInteger(uint[] divisor)
        {
            if (WideInteger.IsZero(divisor))
            {
                divisor[0] = 1;
            }

            int exponent;
            ulong mantissa = WideInteger.DivideToMantissa(WideInteger.ShiftLeft(WideInteger.FromUInt64(Diff1Mantissa), Diff1Exponent), divisor, out exponent);
            return new Difficulty(mantissa, exponent);
        }
    }
}
