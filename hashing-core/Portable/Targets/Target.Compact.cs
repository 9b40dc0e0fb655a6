using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>The compact "nBits" encoding of targets, as in block headers and mining.notify.</summary>
    public sealed partial class Target
    {
        private const uint CompactSignBit = 0x00800000;
        private const uint CompactMantissaMask = 0x007FFFFF;

        /// <summary>
        /// Expands a compact target (the header's nBits) with Bitcoin Core's arith_uint256::SetCompact rules:
        /// the top byte is the size in bytes, the low 23 bits the most significant digits, bit 23 a sign.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// When the sign bit is set (a negative target), the value overflows 256 bits, or it is zero: Bitcoin Core's
        /// DeriveTarget rejects all three, and no hash can meet a zero target.
        /// </exception>
        public static Target FromCompact(uint nBits)
        {
            int size = (int)(nBits >> 24);

            // SetCompact shifts a short mantissa down before it tests the sign: 0x01803456 is zero, not negative.
            uint mantissa = nBits & CompactMantissaMask;
            if (size <= 3)
            {
                mantissa >>= 8 * (3 - size);
            }

            if (mantissa != 0 && (nBits & CompactSignBit) != 0)
            {
                throw new ArgumentException(
                    "Compact target 0x" + nBits.ToString("X8") + " has the sign bit (0x00800000) set, so it is negative; a valid nBits never is.", "nBits");
            }

            if (mantissa != 0 && (size > 34 || (mantissa > 0xFF && size > 33) || (mantissa > 0xFFFF && size > 32)))
            {
                throw new ArgumentException(
                    "Compact target 0x" + nBits.ToString("X8") + " overflows 256 bits (size byte " + size + " too large for its digits).", "nBits");
            }

            uint[] words = new uint[8];
            if (size <= 3)
            {
                words[0] = mantissa;
            }
            else
            {
                // Mantissa byte i is target byte size - 3 + i; the overflow check guarantees the ones past 31 are zero.
                for (int i = 0; i < 3; i++)
                {
                    int position = size - 3 + i;
                    if (position < 32)
                    {
                        words[position / 4] |= ((mantissa >> (8 * i)) & 0xFF) << (8 * (position % 4));
                    }
                }
            }

            if (WideInteger.IsZero(words))
            {
                throw new ArgumentException(
                    "Compact target 0x" + nBits.ToString("X8") + " is zero, which no hash can meet.", "nBits");
            }

            return new Target(words);
        }

        /// <summary>
        /// The compact encoding (Bitcoin Core's arith_uint256::GetCompact): the three most significant bytes,
        /// truncated, so FromCompact(ToCompact()) may be smaller than this target but ToCompact(FromCompact(n)) == n.
        /// </summary>
        public uint ToCompact()
        {
            int size = (WideInteger.BitLength(_words) + 7) / 8;
            uint compact = 0;
            for (int i = 0; i < 3; i++)
            {
                int position = size - 3 + i;
                if (position >= 0)
                {
                    compact |= (uint)ByteAt(position) << (8 * i);
                }
            }

            // A mantissa with bit 23 set would read back as negative: move it one byte down, as GetCompact does.
            if ((compact & CompactSignBit) != 0)
            {
                compact >>= 8;
                size++;
            }

            return compact | ((uint)size << 24);
        }

        private byte ByteAt(int position)
        {
            return (byte)(_words[position / 4] >> (8 * (position % 4)));
        }
    }
}
