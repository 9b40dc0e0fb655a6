using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// scrypt's memory-hard mixing (RFC 7914 §4 scryptBlockMix and §5 scryptROMix) on blocks of 32·r little-endian
    /// words. The caller owns the scratchpad so a scanner allocates its 128·r·N bytes once per scan, not per nonce.
    /// </summary>
    public static class ScryptRoMix
    {
        /// <summary>Words in one BlockMix block for r = 1 (128 bytes, two Salsa20 blocks).</summary>
        public const int WordsPerR = 2 * Salsa208.BlockWords;

        /// <summary>
        /// ROMix (RFC 7914 §5) of the 32·r words at <paramref name="offset"/> in <paramref name="block"/>, in place.
        /// </summary>
        /// <param name="block">Buffer holding the block B.</param>
        /// <param name="offset">Start of B.</param>
        /// <param name="r">Block size parameter.</param>
        /// <param name="n">CPU/memory cost N, a power of two.</param>
        /// <param name="scratchpad">At least 32·r·N words (V).</param>
        /// <param name="mixBuffer">At least 32·r words (BlockMix's Y).</param>
        public static void Mix(uint[] block, int offset, int r, int n, uint[] scratchpad, uint[] mixBuffer)
        {
            int words = WordsPerR * r;
            if (scratchpad.Length < words * n || mixBuffer.Length < words)
            {
                throw new ArgumentException("The scratchpad needs 32·r·N words and the mix buffer 32·r words.", "scratchpad");
            }

            // Step 2: V_i = X; X = BlockMix(X).
            for (int i = 0; i < n; i++)
            {
                Array.Copy(block, offset, scratchpad, i * words, words);
                BlockMix(block, offset, r, mixBuffer);
            }

            // Step 3: j = Integerify(X) mod N, the first word of the last 64-byte block; X = BlockMix(X xor V_j).
            int lastBlock = offset + words - Salsa208.BlockWords;
            uint mask = (uint)n - 1;
            for (int i = 0; i < n; i++)
            {
                int v = (int)(block[lastBlock] & mask) * words;
                for (int k = 0; k < words; k++)
                {
                    block[offset + k] ^= scratchpad[v + k];
                }

                BlockMix(block, offset, r, mixBuffer);
            }
        }

        /// <summary>
        /// BlockMix (RFC 7914 §4) of the 2·r Salsa20 blocks at <paramref name="offset"/>, in place: Y_i = Salsa(Y_{i-1} xor B_i)
        /// starting from B_{2r-1}, output the even Y then the odd Y.
        /// </summary>
        public static void BlockMix(uint[] block, int offset, int r, uint[] mixBuffer)
        {
            int b1 = offset + Salsa208.BlockWords;
            if (r == 1)
            {
                // Y_0 = Salsa(B_1 xor B_0) lands in B_0's place and Y_1 = Salsa(Y_0 xor B_1) in B_1's: no reordering.
                Salsa208.XorCore(block, offset, block, b1);
                Salsa208.XorCore(block, b1, block, offset);
                return;
            }

            int previous = -1;
            for (int i = 0; i < 2 * r; i++)
            {
                int target = ((i & 1) == 0 ? i / 2 : r + (i / 2)) * Salsa208.BlockWords;
                if (previous < 0)
                {
                    Array.Copy(block, offset + (((2 * r) - 1) * Salsa208.BlockWords), mixBuffer, target, Salsa208.BlockWords);
                }
                else
                {
                    Array.Copy(mixBuffer, previous, mixBuffer, target, Salsa208.BlockWords);
                }

                Salsa208.XorCore(mixBuffer, target, block, offset + (i * Salsa208.BlockWords));
                previous = target;
            }

            Array.Copy(mixBuffer, 0, block, offset, WordsPerR * r);
        }
    }
}
