using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>Ordering and equality of targets as 256-bit unsigned integers.</summary>
    public sealed partial class Target
    {
        /// <summary>The largest target, 2^256 - 1: every hash meets it.</summary>
        public static readonly Target Max = new Target(new uint[] { 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF });

        /// <summary>Negative, zero or positive as this target is below, equal to or above <paramref name="other"/> (a larger target is easier).</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="other"/> is null.</exception>
        public int CompareTo(Target other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }

            return WideInteger.Compare(_words, other._words);
        }

        /// <summary>True when <paramref name="obj"/> is a target of the same value.</summary>
        public override bool Equals(object? obj)
        {
            Target? other = obj as Target;
            return other != null && WideInteger.Compare(_words, other._words) == 0;
        }

        /// <summary>A hash code from the value.</summary>
        public override int GetHashCode()
        {
            uint hash = 0;
            for (int i = 0; i < 8; i++)
            {
                hash = (hash * 31) ^ _words[i];
            }

            return (int)hash;
        }

        /// <summary>A copy of the words, least significant first, for the wide arithmetic.</summary>
        internal uint[] CopyWords()
        {
            uint[] copy = new uint[8];
            Array.Copy(_words, copy, 8);
            return copy;
        }
    }
}
