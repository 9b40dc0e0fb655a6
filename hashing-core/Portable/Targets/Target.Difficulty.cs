using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>Targets from pool difficulties (mining.set_difficulty).</summary>
    public sealed partial class Target
    {
        /// <summary>
        /// The target of difficulty <paramref name="difficulty"/>: floor(diff1 / difficulty) with Bitcoin's pool
        /// difficulty 1 target diff1 = 0xFFFF·2^208 (pdiff, en.bitcoin.it/wiki/Difficulty), and all ones when the quotient
        /// would not fit 256 bits (difficulty below about 2^-32).
        /// </summary>
        /// <exception cref="ArgumentException">When the difficulty is not positive.</exception>
        public static Target FromDifficulty(Difficulty difficulty)
        {
            return Divide(Difficulty.Diff1Mantissa, Difficulty.Diff1Exponent, difficulty);
        }

        /// <summary>
        /// The share target a stratum pool means by <paramref name="difficulty"/> for <paramref name="algorithm"/>.
        /// sha256d pools use Bitcoin's diff1 (<see cref="FromDifficulty"/>). scrypt pools count difficulty 65536
        /// times smaller, i.e. diff1 = 0xFFFF·2^224: pooler cpuminer's stratum_gen_work() sets the target of
        /// "sctx->job.diff / 65536.0" for scrypt, as cgminer (d64 *= 65536) and the scrypt pool servers do.
        /// </summary>
        /// <exception cref="ArgumentException">When the difficulty is not positive or the algorithm has no stratum targets.</exception>
        public static Target FromPoolDifficulty(Difficulty difficulty, string algorithm)
        {
            if (algorithm == Algorithms.Sha256d)
            {
                return FromDifficulty(difficulty);
            }

            if (algorithm == Algorithms.Scrypt)
            {
                return Divide(Difficulty.Diff1Mantissa, Difficulty.Diff1Exponent + Difficulty.ScryptPoolDiff1Shift, difficulty);
            }

            throw new ArgumentException(
                "Stratum pool difficulty applies to sha256d or scrypt, not '" + algorithm + "'.", "algorithm");
        }

        /// <summary>floor(dividendMantissa · 2^dividendExponent / difficulty), clamped to <see cref="Max"/>.</summary>
        private static Target Divide(ulong dividendMantissa, int dividendExponent, Difficulty difficulty)
        {
            if (!difficulty.IsPositive)
            {
                throw new ArgumentException("A difficulty must be greater than zero to give a target.", "difficulty");
            }

            // dividend / (m · 2^e) = (dividendMantissa · 2^k) / m with k = dividendExponent - e; for k < 0 the
            // 2^-k moves to the divisor. Both mantissas have 64 significant bits, so the quotient has about k + 1
            // bits: past 257 it certainly exceeds 256 bits, and the division is skipped.
            int k = dividendExponent - difficulty.Exponent;
            if (k > 257)
            {
                return Max;
            }

            uint[] dividend = WideInteger.FromUInt64(dividendMantissa);
            uint[] divisor = WideInteger.FromUInt64(difficulty.Mantissa);
            uint[] quotient = k >= 0
                ? WideInteger.DivideFloor(WideInteger.ShiftLeft(dividend, k), divisor)
                : WideInteger.DivideFloor(dividend, WideInteger.ShiftLeft(divisor, -k));
            if (WideInteger.BitLength(quotient) > 256)
            {
                return Max;
            }

            uint[] words = new uint[8];
            Array.Copy(quotient, words, quotient.Length < 8 ? quotient.Length : 8);
            return new Target(words);
        }
    }
}
