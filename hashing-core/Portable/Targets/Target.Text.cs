using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>Targets as text, in the display order explorers and pools print (most significant byte first).</summary>
    public sealed partial class Target
    {
        /// <summary>Parses 64 hex digits in display order, e.g. "00000000ffff0000…0000" for difficulty 1.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="hex64DisplayOrder"/> is null.</exception>
        /// <exception cref="ArgumentException">When the text is not exactly 64 hex digits; the message names the problem.</exception>
        public static Target Parse(string hex64DisplayOrder)
        {
            if (hex64DisplayOrder == null)
            {
                throw new ArgumentNullException("hex64DisplayOrder");
            }

            if (hex64DisplayOrder.Length != 64)
            {
                throw new ArgumentException(
                    "A target is 64 hex digits (32 bytes, most significant first), not " + hex64DisplayOrder.Length + ".", "hex64DisplayOrder");
            }

            return FromLittleEndian(Hex.DecodeReversed(hex64DisplayOrder));
        }

        /// <summary>The target as 64 lowercase hex digits, most significant byte first.</summary>
        public string ToHex()
        {
            return Hex.EncodeReversed(ToLittleEndian());
        }

        /// <summary>The target as 64 hex digits in display order.</summary>
        public override string ToString()
        {
            return ToHex();
        }

        private static Target FromLittleEndian(byte[] bytes32)
        {
            uint[] words = new uint[8];
            for (int i = 0; i < 32; i++)
            {
                words[i / 4] |= (uint)bytes32[i] << (8 * (i % 4));
            }

            return new Target(words);
        }

        private byte[] ToLittleEndian()
        {
            byte[] bytes = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                bytes[i] = ByteAt(i);
            }

            return bytes;
        }
    }
}
