using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// SHA-1 (FIPS 180-4 §6.1) with the compression function exposed and its rounds separable, so a miner can
    /// run the rounds over nonce-independent message words once per job (DUCO-S1: the 40-character last hash fills
    /// words 0..9, so rounds 0..9 never change) and only the rest per nonce.
    /// Portable: compiles for .NET and for .NET nanoFramework 1.x (no generics, spans or intrinsics).
    /// </summary>
    public static class Sha1
    {
        /// <summary>Size of one message block in bytes.</summary>
        public const int BlockSize = 64;

        /// <summary>Size of a digest in bytes.</summary>
        public const int DigestSize = 20;

        /// <summary>Number of rounds (and of message schedule words) per block.</summary>
        public const int Rounds = 80;

        /// <summary>Round constant for rounds 0..19 (FIPS 180-4 §4.2.1): 2^30·√2.</summary>
        public const uint K0 = 0x5a827999;

        /// <summary>Round constant for rounds 20..39: 2^30·√3.</summary>
        public const uint K1 = 0x6ed9eba1;

        /// <summary>Round constant for rounds 40..59: 2^30·√5.</summary>
        public const uint K2 = 0x8f1bbcdc;

        /// <summary>Round constant for rounds 60..79: 2^30·√10.</summary>
        public const uint K3 = 0xca62c1d6;

        /// <summary>Initial hash value H(0) (FIPS 180-4 §5.3.1).</summary>
        public static readonly uint[] InitialHash =
        {
            0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
        };

        /// <summary>Returns a fresh copy of the initial hash value, ready to be compressed into.</summary>
        public static uint[] NewState()
        {
            uint[] state = new uint[5];
            Array.Copy(InitialHash, state, 5);
            return state;
        }

        /// <summary>Reads a 64-byte block as sixteen big-endian words into <paramref name="w"/>[0..15].</summary>
        public static void LoadBlock(byte[] data, int offset, uint[] w)
        {
            for (int i = 0; i < 16; i++)
            {
                w[i] = Sha256.ReadBigEndian(data, offset + (i * 4));
            }
        }

        /// <summary>Expands the message schedule in place: w[16..79] from w[0..15] (FIPS 180-4 §6.1.2 step 1).</summary>
        public static void Expand(uint[] w)
        {
            for (int t = 16; t < Rounds; t++)
            {
                w[t] = RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }
        }

        /// <summary>
        /// The SHA-1 compression function: updates <paramref name="state"/> (5 words) with one block whose sixteen
        /// message words are in <paramref name="w"/>[0..15]; w must hold 80 words, as the schedule is expanded in place.
        /// </summary>
        public static void Compress(uint[] state, uint[] w)
        {
            Expand(w);
            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
            RoundRange(ref a, ref b, ref c, ref d, ref e, w, 0, Rounds);
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
        }

        /// <summary>
        /// Runs rounds <paramref name="firstRound"/> .. <paramref name="endRound"/> - 1 on the working variables
        /// a, b, c, d, e held in <paramref name="working"/>[0..4], using schedule words <paramref name="w"/>[t]
        /// (FIPS 180-4 §6.1.2 step 3). Running 0..k then k..80 equals running 0..80.
        /// </summary>
        public static void RunRounds(uint[] working, uint[] w, int firstRound, int endRound)
        {
            uint a = working[0], b = working[1], c = working[2], d = working[3], e = working[4];
            RoundRange(ref a, ref b, ref c, ref d, ref e, w, firstRound, endRound);
            working[0] = a;
            working[1] = b;
            working[2] = c;
            working[3] = d;
            working[4] = e;
        }

        /// <summary>Adds the working variables into the state: H(i) = H(i-1) + (a, b, c, d, e) (FIPS 180-4 §6.1.2 step 4).</summary>
        public static void AddInto(uint[] state, uint[] working)
        {
            for (int i = 0; i < 5; i++)
            {
                state[i] += working[i];
            }
        }

        /// <summary>SHA-1 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie within the data.");
            }

            uint[] state = NewState();
            uint[] w = new uint[Rounds];
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
            WriteBitLength(tail, tail.Length, (ulong)count);
            for (int block = 0; block < tail.Length; block += BlockSize)
            {
                LoadBlock(tail, block, w);
                Compress(state, w);
            }

            return StateToDigest(state);
        }

        /// <summary>SHA-1 of a whole buffer.</summary>
        public static byte[] Hash(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Hash(data, 0, data.Length);
        }

        /// <summary>The 20-byte digest of a final state: its five words, big-endian (FIPS 180-4 §6.1.2).</summary>
        public static byte[] StateToDigest(uint[] state)
        {
            byte[] digest = new byte[DigestSize];
            for (int i = 0; i < 5; i++)
            {
                Sha256.WriteBigEndian(digest, i * 4, state[i]);
            }

            return digest;
        }

        /// <summary>
        /// Writes the message length in bits as the 64-bit big-endian integer that ends the padded message
        /// (FIPS 180-4 §5.1.1), in the 8 bytes before <paramref name="end"/>.
        /// </summary>
        public static void WriteBitLength(byte[] block, int end, ulong messageBytes)
        {
            ulong bits = messageBytes * 8;
            for (int i = 0; i < 8; i++)
            {
                block[end - 1 - i] = (byte)(bits >> (8 * i));
            }
        }

        /// <summary>Round constant K_t (FIPS 180-4 §4.2.1).</summary>
        public static uint Constant(int round)
        {
            return round < 20 ? K0 : round < 40 ? K1 : round < 60 ? K2 : K3;
        }

        /// <summary>
        /// Round function f_t (FIPS 180-4 §4.1.1): Ch for rounds 0..19, Parity for 20..39 and 60..79, Maj for 40..59.
        /// </summary>
        public static uint Function(int round, uint x, uint y, uint z)
        {
            if (round < 20)
            {
                return (x & y) ^ (~x & z);
            }

            if (round >= 40 && round < 60)
            {
                return (x & y) ^ (x & z) ^ (y & z);
            }

            return x ^ y ^ z;
        }

        /// <summary>Rotates a word left by <paramref name="n"/> bits (ROTL^n, FIPS 180-4 §3.2), 0 &lt; n &lt; 32.</summary>
        public static uint RotateLeft(uint x, int n)
        {
            return (x << n) | (x >> (32 - n));
        }

        private static void RoundRange(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, uint[] w, int firstRound, int endRound)
        {
            for (int t = firstRound; t < endRound; t++)
            {
                uint temp = RotateLeft(a, 5) + Function(t, b, c, d) + e + Constant(t) + w[t];
                e = d;
                d = c;
                c = RotateLeft(b, 30);
                b = a;
                a = temp;
            }
        }
    }
}
