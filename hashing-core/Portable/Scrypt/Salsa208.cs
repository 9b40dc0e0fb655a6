namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The Salsa20/8 core (RFC 7914 §3: Salsa20 reduced to 8 rounds, i.e. four double rounds) on sixteen
    /// little-endian words, in place. scrypt's BlockMix applies it about 4·N·r times per hash, so it is written
    /// on sixteen locals: the JIT keeps them in registers and the nanoFramework interpreter avoids array traffic.
    /// </summary>
    public static class Salsa208
    {
        /// <summary>Number of 32-bit words in one Salsa20 block (64 bytes).</summary>
        public const int BlockWords = 16;

        private static readonly uint[] ZeroBlock = new uint[BlockWords];

        /// <summary>Replaces block[offset..offset+15] by Salsa20/8(block).</summary>
        public static void Core(uint[] block, int offset)
        {
            XorCore(block, offset, ZeroBlock, 0);
        }

        /// <summary>
        /// b = Salsa20/8(b XOR x) for the blocks at <paramref name="bOffset"/> and <paramref name="xOffset"/>:
        /// one step of BlockMix (RFC 7914 §4, step 2: X = Salsa(X xor B_i)).
        /// </summary>
        public static void XorCore(uint[] b, int bOffset, uint[] x, int xOffset)
        {
            uint x00 = b[bOffset] ^ x[xOffset], x01 = b[bOffset + 1] ^ x[xOffset + 1];
            uint x02 = b[bOffset + 2] ^ x[xOffset + 2], x03 = b[bOffset + 3] ^ x[xOffset + 3];
            uint x04 = b[bOffset + 4] ^ x[xOffset + 4], x05 = b[bOffset + 5] ^ x[xOffset + 5];
            uint x06 = b[bOffset + 6] ^ x[xOffset + 6], x07 = b[bOffset + 7] ^ x[xOffset + 7];
            uint x08 = b[bOffset + 8] ^ x[xOffset + 8], x09 = b[bOffset + 9] ^ x[xOffset + 9];
            uint x10 = b[bOffset + 10] ^ x[xOffset + 10], x11 = b[bOffset + 11] ^ x[xOffset + 11];
            uint x12 = b[bOffset + 12] ^ x[xOffset + 12], x13 = b[bOffset + 13] ^ x[xOffset + 13];
            uint x14 = b[bOffset + 14] ^ x[xOffset + 14], x15 = b[bOffset + 15] ^ x[xOffset + 15];
            uint i00 = x00, i01 = x01, i02 = x02, i03 = x03, i04 = x04, i05 = x05, i06 = x06, i07 = x07;
            uint i08 = x08, i09 = x09, i10 = x10, i11 = x11, i12 = x12, i13 = x13, i14 = x14, i15 = x15;

            for (int doubleRound = 0; doubleRound < 4; doubleRound++)
            {
                // Column round: quarter-rounds on (0,4,8,12), (5,9,13,1), (10,14,2,6), (15,3,7,11).
                x04 ^= Rotl(x00 + x12, 7); x09 ^= Rotl(x05 + x01, 7); x14 ^= Rotl(x10 + x06, 7); x03 ^= Rotl(x15 + x11, 7);
                x08 ^= Rotl(x04 + x00, 9); x13 ^= Rotl(x09 + x05, 9); x02 ^= Rotl(x14 + x10, 9); x07 ^= Rotl(x03 + x15, 9);
                x12 ^= Rotl(x08 + x04, 13); x01 ^= Rotl(x13 + x09, 13); x06 ^= Rotl(x02 + x14, 13); x11 ^= Rotl(x07 + x03, 13);
                x00 ^= Rotl(x12 + x08, 18); x05 ^= Rotl(x01 + x13, 18); x10 ^= Rotl(x06 + x02, 18); x15 ^= Rotl(x11 + x07, 18);

                // Row round: quarter-rounds on (0,1,2,3), (5,6,7,4), (10,11,8,9), (15,12,13,14).
                x01 ^= Rotl(x00 + x03, 7); x06 ^= Rotl(x05 + x04, 7); x11 ^= Rotl(x10 + x09, 7); x12 ^= Rotl(x15 + x14, 7);
                x02 ^= Rotl(x01 + x00, 9); x07 ^= Rotl(x06 + x05, 9); x08 ^= Rotl(x11 + x10, 9); x13 ^= Rotl(x12 + x15, 9);
                x03 ^= Rotl(x02 + x01, 13); x04 ^= Rotl(x07 + x06, 13); x09 ^= Rotl(x08 + x11, 13); x14 ^= Rotl(x13 + x12, 13);
                x00 ^= Rotl(x03 + x02, 18); x05 ^= Rotl(x04 + x07, 18); x10 ^= Rotl(x09 + x08, 18); x15 ^= Rotl(x14 + x13, 18);
            }

            b[bOffset] = x00 + i00; b[bOffset + 1] = x01 + i01; b[bOffset + 2] = x02 + i02; b[bOffset + 3] = x03 + i03;
            b[bOffset + 4] = x04 + i04; b[bOffset + 5] = x05 + i05; b[bOffset + 6] = x06 + i06; b[bOffset + 7] = x07 + i07;
            b[bOffset + 8] = x08 + i08; b[bOffset + 9] = x09 + i09; b[bOffset + 10] = x10 + i10; b[bOffset + 11] = x11 + i11;
            b[bOffset + 12] = x12 + i12; b[bOffset + 13] = x13 + i13; b[bOffset + 14] = x14 + i14; b[bOffset + 15] = x15 + i15;
        }

        private static uint Rotl(uint value, int count)
        {
            return (value << count) | (value >> (32 - count));
        }
    }
}
