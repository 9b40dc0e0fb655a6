using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The portable sha256d nonce scanner, one nonce at a time: the reference every SIMD engine must equal, and the
    /// scanner the ESP32 runs. It does the work-saving tricks of the classic CPU miners (pooler cpuminer's
    /// sha256d_ms) even without SIMD, because on an interpreter every skipped round counts:
    /// the first 64 header bytes come from the work's midstate; message words 0..2 of the second block, their three
    /// rounds and the schedule words that do not depend on the nonce are computed once per scan; the second hash stops
    /// after round 60, which already fixes the most significant digest word; and only hashes whose top word passes
    /// the target's top word are finished and checked in full.
    /// </summary>
    public sealed class Sha256dScalarScanner : INonceScanner
    {
        /// <summary>Bit length of an 80-byte header (FIPS 180-4 §5.1.1 padding).</summary>
        private const uint HeaderBitLength = 640;

        /// <summary>Bit length of a 32-byte digest hashed again.</summary>
        private const uint DigestBitLength = 256;

        /// <summary>The padding's leading 1 bit as a word.</summary>
        private const uint PaddingStartWord = 0x80000000;

        /// <inheritdoc />
        public string Name
        {
            get { return "scalar"; }
        }

        /// <inheritdoc />
        public string Algorithm
        {
            get { return Algorithms.Sha256d; }
        }

        /// <inheritdoc />
        public int Lanes
        {
            get { return 1; }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">When <paramref name="work"/> is not sha256d <see cref="HeaderWork"/>.</exception>
        /// <exception cref="ArgumentNullException">When <paramref name="hits"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When the range passes 2^32.</exception>
        public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        {
            HeaderWork header = RequireSha256dHeaderWork(work);
            if (hits == null)
            {
                throw new ArgumentNullException("hits");
            }

            NonceRange.Check(firstNonce, count);
            if (count == 0)
            {
                return;
            }

            uint[] midstate = header.Midstate;
            uint targetTop = header.Target.GetWord(7);

            uint[] w = new uint[64];
            LoadSecondBlock(header, w);

            // W18 and W19 involve W3 through one term each.
            uint w18Fixed = Sha256.SmallSigma1(w[16]) + w[11] + w[2];
            uint w19Fixed = Sha256.SmallSigma1(w[17]) + w[12] + Sha256.SmallSigma0(w[4]);

            // Rounds 0..2 only read W0..W2: run them once.
            uint[] afterRound2 = new uint[8];
            Array.Copy(midstate, afterRound2, 8);
            Rounds(afterRound2, w, 0, 2);

            // The second hash's block is the first digest (8 words) and constant padding.
            uint[] second = new uint[64];
            second[8] = PaddingStartWord;
            second[15] = DigestBitLength;

            uint[] state = new uint[8];
            uint[] secondState = new uint[8];
            uint nonce = firstNonce;
            for (ulong i = 0; i < count; i++)
            {
                // The nonce is stored little-endian in bytes 76..79 and read back as a big-endian message word.
                uint w3 = ByteSwap(nonce);
                w[3] = w3;
                w[18] = w18Fixed + Sha256.SmallSigma0(w3);
                w[19] = w19Fixed + w3;
                Array.Copy(afterRound2, state, 8);
                FinishFirstHash(state, w, midstate);

                if (ByteSwap(SecondHashTopWord(state, second, secondState)) <= targetTop && IsFullHit(header, midstate, nonce))
                {
                    hits.Add(nonce);
                }

                nonce = unchecked(nonce + 1);
            }
        }

        /// <summary>
        /// The header's second block: words 0..2 are bytes 64..75 (merkle root tail, ntime, nBits), word 3 is the
        /// nonce, the rest is constant padding, so everything but word 3 is fixed for the whole scan. W16 and W17 do
        /// not involve W3 either (FIPS 180-4 §6.2.2 step 1) and are expanded here once.
        /// </summary>
        private static void LoadSecondBlock(HeaderWork header, uint[] w)
        {
            w[0] = header.TailWord(0);
            w[1] = header.TailWord(1);
            w[2] = header.TailWord(2);
            w[4] = PaddingStartWord;
            w[15] = HeaderBitLength;
            w[16] = Sha256.SmallSigma1(w[14]) + w[9] + Sha256.SmallSigma0(w[1]) + w[0];
            w[17] = Sha256.SmallSigma1(w[15]) + w[10] + Sha256.SmallSigma0(w[2]) + w[1];
        }

        private static HeaderWork RequireSha256dHeaderWork(MiningWork work)
        {
            HeaderWork? header = work as HeaderWork;
            if (header == null || header.Algorithm != Algorithms.Sha256d)
            {
                string given = work == null ? "null" : work.GetType().Name + " for '" + work.Algorithm + "'";
                throw new ArgumentException(
                    "The sha256d scanner needs HeaderWork for sha256d, not " + given + ": pick the scanner for the work's algorithm.", "work");
            }

            return header;
        }

        /// <summary>Expands the schedule from W20 on, runs rounds 3..63 and adds the midstate: the first hash's state.</summary>
        private static void FinishFirstHash(uint[] state, uint[] w, uint[] midstate)
        {
            for (int t = 20; t < 64; t++)
            {
                w[t] = Sha256.SmallSigma1(w[t - 2]) + w[t - 7] + Sha256.SmallSigma0(w[t - 15]) + w[t - 16];
            }

            Rounds(state, w, 3, 63);

            for (int i = 0; i < 8; i++)
            {
                state[i] += midstate[i];
            }
        }

        /// <summary>
        /// H7 of SHA-256 over the first hash's 32-byte digest, with <paramref name="w"/>[8..15] already holding the
        /// padding and <paramref name="s"/> as scratch. Round 60's new e is shifted into h by rounds 61..63 without
        /// change, so H7 = IV7 + e after round 60 and the last three rounds are skipped.
        /// </summary>
        private static uint SecondHashTopWord(uint[] firstState, uint[] w, uint[] s)
        {
            Array.Copy(firstState, w, 8);
            for (int t = 16; t <= 60; t++)
            {
                w[t] = Sha256.SmallSigma1(w[t - 2]) + w[t - 7] + Sha256.SmallSigma0(w[t - 15]) + w[t - 16];
            }

            Array.Copy(Sha256.InitialHash, s, 8);
            Rounds(s, w, 0, 60);
            return Sha256.InitialHash[7] + s[4];
        }

        /// <summary>Finishes a candidate the slow, obvious way and applies the exact 256-bit comparison.</summary>
        private static bool IsFullHit(HeaderWork header, uint[] midstate, uint nonce)
        {
            return header.Target.IsMetBy(Sha256d.HashHeader(midstate, header.HeaderWithNonce(nonce)));
        }

        /// <summary>
        /// SHA-256 rounds <paramref name="first"/>..<paramref name="last"/> (FIPS 180-4 §6.2.2 step 3) on
        /// s = {a, b, c, d, e, f, g, h}, in locals: on nanoFramework's interpreter array accesses cost more than locals.
        /// </summary>
        private static void Rounds(uint[] s, uint[] w, int first, int last)
        {
            uint a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
            for (int t = first; t <= last; t++)
            {
                uint t1 = h + Sha256.BigSigma1(e) + ((e & f) ^ (~e & g)) + Sha256.K[t] + w[t];
                uint t2 = Sha256.BigSigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            s[0] = a;
            s[1] = b;
            s[2] = c;
            s[3] = d;
            s[4] = e;
            s[5] = f;
            s[6] = g;
            s[7] = h;
        }

        /// <summary>
        /// Reverses the bytes of a word: the header stores the nonce little-endian while SHA-256 reads big-endian
        /// words, and the target compares digest words read little-endian.
        /// </summary>
        private static uint ByteSwap(uint x)
        {
            return (x >> 24) | ((x >> 8) & 0x0000FF00) | ((x << 8) & 0x00FF0000) | (x << 24);
        }
    }
}
