using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Double SHA-256, sha256d(x) = SHA-256(SHA-256(x)): Bitcoin's proof-of-work and merkle hash.
    /// This part is the portable scalar reference (also compiled for nanoFramework); engines add other parts.
    /// </summary>
    public static partial class Sha256d
    {
        /// <summary>Bit length of an 80-byte header, the last word of its padded second block (FIPS 180-4 §5.1.1).</summary>
        private const uint HeaderBitLength = 80 * 8;

        /// <summary>Bit length of a 32-byte digest, the last word of the padded block that hashes it again.</summary>
        private const uint DigestBitLength = 32 * 8;

        /// <summary>The padding's leading 1 bit as the first word after the message (FIPS 180-4 §5.1.1).</summary>
        private const uint PaddingStartWord = 0x80000000;

        /// <summary>sha256d of a whole buffer of any length, as 32 raw digest bytes (not display order).</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="data"/> is null.</exception>
        public static byte[] Hash(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            uint[] state = Sha256.NewState();
            uint[] w = new uint[64];
            LoadDigestBlock(Sha256.Hash(data), w);
            Sha256.Compress(state, w);
            return Sha256.StateToDigest(state);
        }

        /// <summary>sha256d of an 80-byte block header, as 32 raw digest bytes (display order is the reverse).</summary>
        /// <exception cref="ArgumentException">When <paramref name="header80"/> is not 80 bytes.</exception>
        public static byte[] HashHeader(byte[] header80)
        {
            CheckHeader(header80);
            return HashHeader(Sha256.Midstate(header80, 0), header80);
        }

        /// <summary>
        /// sha256d of an 80-byte header whose first 64 bytes are already compressed into <paramref name="midstate"/>
        /// (<see cref="Sha256.Midstate"/>): only the second block (bytes 64..79 plus constant padding) and the
        /// second hash (the 32-byte digest plus constant padding) remain, which is what a miner repeats per nonce.
        /// </summary>
        /// <param name="midstate">The 8-word state after header bytes 0..63; not modified.</param>
        /// <param name="header80">The full header; only bytes 64..79 are read.</param>
        /// <exception cref="ArgumentException">When the midstate is not 8 words or the header not 80 bytes.</exception>
        public static byte[] HashHeader(uint[] midstate, byte[] header80)
        {
            if (midstate == null || midstate.Length != 8)
            {
                throw new ArgumentException("A SHA-256 midstate is exactly 8 words (Sha256.Midstate of header bytes 0..63).", "midstate");
            }

            CheckHeader(header80);
            uint[] state = new uint[8];
            Array.Copy(midstate, state, 8);
            uint[] w = new uint[64];
            for (int i = 0; i < 4; i++)
            {
                w[i] = Sha256.ReadBigEndian(header80, 64 + (i * 4));
            }

            w[4] = PaddingStartWord;
            w[15] = HeaderBitLength;
            Sha256.Compress(state, w);

            uint[] second = Sha256.NewState();
            LoadStateBlock(state, w);
            Sha256.Compress(second, w);
            return Sha256.StateToDigest(second);
        }

        /// <summary>
        /// sha256d of an 80-byte header from its midstate, the three tail words and the nonce, written into
        /// caller-owned buffers: nothing is allocated, so a device with little heap and a slow collector (the ESP32 on
        /// nanoFramework) can call it once per nonce. The second block is the tail, the nonce and constant padding
        /// (FIPS 180-4 §5.1.1); its digest is hashed again straight from the state.
        /// </summary>
        /// <param name="midstate">The 8-word state after header bytes 0..63; not modified.</param>
        /// <param name="tail0">Header bytes 64..67 read big-endian (<see cref="HeaderWork.TailWord"/> 0).</param>
        /// <param name="tail1">Header bytes 68..71 read big-endian.</param>
        /// <param name="tail2">Header bytes 72..75 read big-endian.</param>
        /// <param name="nonce">The nonce as the header stores it (little-endian bytes 76..79).</param>
        /// <param name="state">Scratch of 8 words.</param>
        /// <param name="w">Scratch of 64 words (the message schedule).</param>
        /// <param name="digest">Receives the 32 raw digest bytes (not display order).</param>
        /// <exception cref="ArgumentException">When an array has the wrong length.</exception>
        public static void HashFromMidstate(uint[] midstate, uint tail0, uint tail1, uint tail2, uint nonce, uint[] state, uint[] w, byte[] digest)
        {
            CheckBuffers(midstate, state, w, digest);
            Array.Copy(midstate, state, 8);
            w[0] = tail0;
            w[1] = tail1;
            w[2] = tail2;

            // The header stores the nonce little-endian (bytes 76..79); SHA-256 reads that word big-endian.
            w[3] = ((nonce & 0xFF) << 24) | ((nonce & 0xFF00) << 8) | ((nonce >> 8) & 0xFF00) | (nonce >> 24);
            w[4] = PaddingStartWord;
            Array.Clear(w, 5, 10);
            w[15] = HeaderBitLength;
            Sha256.Compress(state, w);

            LoadStateBlock(state, w);
            Array.Copy(Sha256.InitialHash, state, 8);
            Sha256.Compress(state, w);
            for (int i = 0; i < 8; i++)
            {
                Sha256.WriteBigEndian(digest, i * 4, state[i]);
            }
        }

        /// <summary>The padded single block that hashes a 32-byte digest, from the digest bytes.</summary>
        private static void LoadDigestBlock(byte[] digest, uint[] w)
        {
            for (int i = 0; i < 8; i++)
            {
                w[i] = Sha256.ReadBigEndian(digest, i * 4);
            }

            PadDigestBlock(w);
        }

        /// <summary>
        /// The padded single block that hashes a 32-byte digest, straight from the state that produced it:
        /// the digest is the state's words written big-endian, so the block's first 8 words are the state itself.
        /// </summary>
        private static void LoadStateBlock(uint[] state, uint[] w)
        {
            Array.Copy(state, w, 8);
            PadDigestBlock(w);
        }

        private static void PadDigestBlock(uint[] w)
        {
            w[8] = PaddingStartWord;
            for (int i = 9; i < 15; i++)
            {
                w[i] = 0;
            }

            w[15] = DigestBitLength;
        }

        private static void CheckBuffers(uint[] midstate, uint[] state, uint[] w, byte[] digest)
        {
            if (midstate == null || midstate.Length != 8)
            {
                throw new ArgumentException("A SHA-256 midstate is exactly 8 words (Sha256.Midstate of header bytes 0..63).", "midstate");
            }

            if (state == null || state.Length != 8 || w == null || w.Length != 64 || digest == null || digest.Length != Sha256.DigestSize)
            {
                throw new ArgumentException("The buffers must be new uint[8] (state), new uint[64] (w) and new byte[32] (digest).", "state");
            }
        }

        private static void CheckHeader(byte[] header80)
        {
            if (header80 == null || header80.Length != HeaderWork.HeaderLength)
            {
                throw new ArgumentException("A block header is exactly 80 bytes.", "header80");
            }
        }
    }
}
