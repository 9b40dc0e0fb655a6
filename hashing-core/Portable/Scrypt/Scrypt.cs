using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The scrypt key-derivation function (RFC 7914 §6) and Litecoin's proof of work built on it:
    /// scrypt(P = header, S = header, N = 1024, r = 1, p = 1, dkLen = 32) of the 80-byte block header.
    /// </summary>
    public static class Scrypt
    {
        /// <summary>Litecoin's cost parameter N.</summary>
        public const int HeaderCost = 1024;

        /// <summary>Litecoin's block size parameter r.</summary>
        public const int HeaderBlockSize = 1;

        /// <summary>Length of a proof-of-work hash in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>
        /// The largest scratchpad, in 32-bit words, held in one array (the .NET array length limit, 0x7FFFFFC7, rounded
        /// down to whole 128-byte blocks); larger N·r cannot be allocated at all.
        /// </summary>
        public const long MaxScratchpadWords = 0x7FFFFFC0;

        /// <summary>
        /// scrypt(P, S, N, r, p, dkLen) per RFC 7914 §6: B = PBKDF2-HMAC-SHA256(P, S, 1, p·128·r); each 128·r-byte
        /// block of B goes through ROMix; DK = PBKDF2-HMAC-SHA256(P, B, 1, dkLen).
        /// </summary>
        /// <param name="password">Passphrase P (may be empty).</param>
        /// <param name="salt">Salt S (may be empty).</param>
        /// <param name="n">CPU/memory cost N: a power of two, greater than 1 and below 2^(16·r).</param>
        /// <param name="r">Block size r ≥ 1.</param>
        /// <param name="p">Parallelization p ≥ 1, with r·p below 2^30.</param>
        /// <param name="dkLen">Length of the derived key in bytes, at least 1.</param>
        public static byte[] Derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen)
        {
            if (password == null)
            {
                throw new ArgumentNullException("password", "The scrypt password is required (it may be empty).");
            }

            if (salt == null)
            {
                throw new ArgumentNullException("salt", "The scrypt salt is required (it may be empty).");
            }

            ValidateParameters(n, r, p, dkLen);
            HmacSha256 mac = new HmacSha256(password);
            int blockWords = ScryptRoMix.WordsPerR * r;
            byte[] expanded = Pbkdf2Sha256.Derive(mac, salt, 1, p * blockWords * 4);
            uint[] words = ToLittleEndianWords(expanded);
            uint[] scratchpad = new uint[blockWords * n];
            uint[] mixBuffer = new uint[blockWords];
            for (int i = 0; i < p; i++)
            {
                ScryptRoMix.Mix(words, i * blockWords, r, n, scratchpad, mixBuffer);
            }

            return Pbkdf2Sha256.Derive(mac, FromLittleEndianWords(words), 1, dkLen);
        }

        /// <summary>
        /// Litecoin's proof-of-work hash of an 80-byte header in raw order (the order <see cref="Target.IsMetBy"/> reads);
        /// block explorers print it byte-reversed.
        /// </summary>
        public static byte[] HashHeader(byte[] header)
        {
            if (header == null || header.Length != HeaderWork.HeaderLength)
            {
                throw new ArgumentException("A block header is exactly 80 bytes.", "header");
            }

            return Derive(header, header, HeaderCost, HeaderBlockSize, 1, HashSize);
        }

        /// <summary>Throws a message naming the broken rule when the parameters are outside RFC 7914 §2 or memory limits.</summary>
        public static void ValidateParameters(int n, int r, int p, int dkLen)
        {
            if (n < 2 || (n & (n - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException("n", "N must be a power of two greater than 1 (e.g. 1024); got " + n + ".");
            }

            if (r < 1)
            {
                throw new ArgumentOutOfRangeException("r", "r must be at least 1; got " + r + ".");
            }

            if (p < 1)
            {
                throw new ArgumentOutOfRangeException("p", "p must be at least 1; got " + p + ".");
            }

            if (dkLen < 1)
            {
                throw new ArgumentOutOfRangeException("dkLen", "The derived key length must be at least 1 byte; got " + dkLen + ".");
            }

            if (r == 1 && n >= 65536)
            {
                // N < 2^(128·r/8) (RFC 7914 §2); for r ≥ 2 every int N already satisfies it.
                throw new ArgumentOutOfRangeException("n", "With r = 1, N must be below 65536 = 2^(16·r) (RFC 7914 §2); raise r or lower N.");
            }

            if ((long)r * p >= (1L << 30))
            {
                throw new ArgumentOutOfRangeException("p", "r·p must be below 2^30 (RFC 7914 §2); lower r or p.");
            }

            long blockWords = (long)ScryptRoMix.WordsPerR * r;
            if (blockWords * n > MaxScratchpadWords)
            {
                throw new ArgumentOutOfRangeException("n", "The scratchpad of 128·r·N bytes is too large for one array; lower N or r.");
            }

            if (blockWords * 4 * p > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException("p", "The expanded block of 128·r·p bytes is too large for one array; lower p or r.");
            }
        }

        private static uint[] ToLittleEndianWords(byte[] bytes)
        {
            uint[] words = new uint[bytes.Length / 4];
            for (int i = 0; i < words.Length; i++)
            {
                int at = i * 4;
                words[i] = bytes[at] | ((uint)bytes[at + 1] << 8) | ((uint)bytes[at + 2] << 16) | ((uint)bytes[at + 3] << 24);
            }

            return words;
        }

        private static byte[] FromLittleEndianWords(uint[] words)
        {
            byte[] bytes = new byte[words.Length * 4];
            for (int i = 0; i < words.Length; i++)
            {
                int at = i * 4;
                bytes[at] = (byte)words[i];
                bytes[at + 1] = (byte)(words[i] >> 8);
                bytes[at + 2] = (byte)(words[i] >> 16);
                bytes[at + 3] = (byte)(words[i] >> 24);
            }

            return bytes;
        }
    }
}
