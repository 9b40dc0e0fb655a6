using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) with the compression function exposed, so miners can keep a midstate:
    /// a block header's first 64 bytes never change across nonces and are compressed once per job.
    /// Portable: compiles for .NET and for .NET nanoFramework 1.x (no generics, spans or intrinsics).
    /// </summary>
    public static class Sha256
    {
        /// <summary>Size of one message block in bytes.</summary>
        public const int BlockSize = 64;

        /// <summary>Size of a digest in bytes.</summary>
        public const int DigestSize = 32;

        /// <summary>Round constants K0..K63 (FIPS 180-4 §4.2.2): first 32 bits of the fractional parts of the cube roots of the first 64 primes.</summary>
        public static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        /// <summary>Initial hash value H(0) (FIPS 180-4 §5.3.3): fractional parts of the square roots of the first 8 primes.</summary>
        public static readonly uint[] InitialHash =
        {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        };

        /// <summary>Returns a fresh copy of the initial hash value, ready to be compressed into.</summary>
        public static uint[] NewState()
        {
            uint[] state = new uint[8];
            Array.Copy(InitialHash, state, 8);
            return state;
        }

        /// <summary>The state after compressing the 64-byte block at <paramref name="offset"/> into the initial hash value.</summary>
        /// <param name="data">Buffer holding the block (e.g. an 80-byte header: its midstate covers bytes 0..63).</param>
        /// <param name="offset">Start of the block.</param>
        public static uint[] Midstate(byte[] data, int offset)
        {
            uint[] state = NewState();
            uint[] w = new uint[64];
            LoadBlock(data, offset, w);
            Compress(state, w);
            return state;
        }

        /// <summary>Reads a 64-byte block as sixteen big-endian words into <paramref name="w"/>[0..15].</summary>
        public static void LoadBlock(byte[] data, int offset, uint[] w)
        {
            for (int i = 0; i < 16; i++)
            {
                w[i] = ReadBigEndian(data, offset + (i * 4));
            }
        }

        /// <summary>
        /// The SHA-256 compression function: updates <paramref name="state"/> with one block whose sixteen
        /// message words are in <paramref name="w"/>[0..15]; w must hold 64 words, as the schedule is expanded in place.
        /// </summary>
        public static void Compress(uint[] state, uint[] w)
        {
            for (int t = 16; t < 64; t++)
            {
                w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 64; t++)
            {
                uint t1 = h + BigSigma1(e) + ((e & f) ^ (~e & g)) + K[t] + w[t];
                uint t2 = BigSigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }

        /// <summary>SHA-256 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            uint[] state = NewState();
            uint[] w = new uint[64];
            int full = count / BlockSize;
            for (int i = 0; i < full; i++)
            {
                LoadBlock(data, offset + (i * BlockSize), w);
                Compress(state, w);
            }

            // Padding (FIPS 180-4 §5.1.1): 0x80, zeros, then the bit length as a 64-bit big-endian integer.
            int rest = count - (full * BlockSize);
            byte[] tail = new byte[rest < 56 ? BlockSize : 2 * BlockSize];
            Array.Copy(data, offset + (full * BlockSize), tail, 0, rest);
            tail[rest] = 0x80;
            ulong bits = (ulong)count * 8;
            for (int i = 0; i < 8; i++)
            {
                tail[tail.Length - 1 - i] = (byte)(bits >> (8 * i));
            }

            for (int block = 0; block < tail.Length; block += BlockSize)
            {
                LoadBlock(tail, block, w);
                Compress(state, w);
            }

            return StateToDigest(state);
        }

        /// <summary>SHA-256 of a whole buffer.</summary>
        public static byte[] Hash(byte[] data)
        {
            return Hash(data, 0, data.Length);
        }

        /// <summary>Serialises a state as the 32-byte digest (big-endian words, FIPS 180-4 §6.2.2 step 4).</summary>
        public static byte[] StateToDigest(uint[] state)
        {
            byte[] digest = new byte[DigestSize];
            for (int i = 0; i < 8; i++)
            {
                WriteBigEndian(digest, i * 4, state[i]);
            }

            return digest;
        }

        /// <summary>Reads a big-endian 32-bit word.</summary>
        public static uint ReadBigEndian(byte[] data, int offset)
        {
            return ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
        }

        /// <summary>Writes a big-endian 32-bit word.</summary>
        public static void WriteBigEndian(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)(value >> 24);
            data[offset + 1] = (byte)(value >> 16);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }

        /// <summary>Rotate right (FIPS 180-4 §3.2); the Σ and σ functions below are §4.1.2.</summary>
        internal static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }

        internal static uint BigSigma0(uint x)
        {
            return Rotr(x, 2) ^ Rotr(x, 13) ^ Rotr(x, 22);
        }

        internal static uint BigSigma1(uint x)
        {
            return Rotr(x, 6) ^ Rotr(x, 11) ^ Rotr(x, 25);
        }

        internal static uint SmallSigma0(uint x)
        {
            return Rotr(x, 7) ^ Rotr(x, 18) ^ (x >> 3);
        }

        internal static uint SmallSigma1(uint x)
        {
            return Rotr(x, 17) ^ Rotr(x, 19) ^ (x >> 10);
        }
    }
}
