using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Duino-Coin's DUCO-S1 proof of work (as the official miners compute it, github.com/revoxhere/duino-coin): the solution of a job is the nonce n
    /// in 0..100·difficulty with sha1(ascii(lastHash) + ascii(decimal n)) == expected.
    /// </summary>
    public static class DucoS1
    {
        private const uint SolveChunk = 65536;

        /// <summary>
        /// Solves a job with the portable scalar scanner: the first nonce in 0..100·difficulty whose hash is the
        /// expected digest, or -1 when none is.
        /// </summary>
        public static long Solve(DucoWork work)
        {
            if (work == null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            DucoS1ScalarScanner scanner = new DucoS1ScalarScanner();
            NonceHits hits = new NonceHits();
            ulong total = work.NonceCount;

            // In chunks, so the search stops at the first solution instead of hashing the whole range.
            for (ulong first = 0; first < total; first += SolveChunk)
            {
                ulong count = total - first < SolveChunk ? total - first : SolveChunk;
                scanner.Scan(work, (uint)first, count, hits);
                if (hits.Count > 0)
                {
                    return hits[0];
                }
            }

            return -1;
        }

        /// <summary>The DUCO-S1 digest of one nonce: sha1(ascii(lastHash) + ascii(decimal nonce)).</summary>
        public static byte[] Hash(string lastHash, uint nonce)
        {
            byte[] prefix = Prefix(lastHash);
            string digits = nonce.ToString();
            byte[] message = new byte[prefix.Length + digits.Length];
            Array.Copy(prefix, message, prefix.Length);
            for (int i = 0; i < digits.Length; i++)
            {
                message[prefix.Length + i] = (byte)digits[i];
            }

            return Sha1.Hash(message);
        }

        /// <summary>The expected digest of a job as the five SHA-1 state words it equals (big-endian words of the digest).</summary>
        public static uint[] ExpectedState(DucoWork work)
        {
            if (work == null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            uint[] state = new uint[5];
            for (int i = 0; i < 5; i++)
            {
                state[i] = ((uint)work.ExpectedByte(i * 4) << 24) | ((uint)work.ExpectedByte((i * 4) + 1) << 16)
                    | ((uint)work.ExpectedByte((i * 4) + 2) << 8) | work.ExpectedByte((i * 4) + 3);
            }

            return state;
        }

        /// <summary>The last hash as the bytes it is hashed as: ASCII, one byte per character.</summary>
        public static byte[] Prefix(string lastHash)
        {
            if (lastHash == null)
            {
                throw new ArgumentNullException(nameof(lastHash));
            }

            byte[] bytes = new byte[lastHash.Length];
            for (int i = 0; i < lastHash.Length; i++)
            {
                char c = lastHash[i];
                if (c > 0x7f)
                {
                    throw new ArgumentException("The last hash must be ASCII (Duino-Coin sends 40 hex characters); found '" + c + "' at " + i + ".", nameof(lastHash));
                }

                bytes[i] = (byte)c;
            }

            return bytes;
        }

        /// <summary>The work as a DUCO-S1 job, or an error naming what was passed instead.</summary>
        public static DucoWork RequireWork(MiningWork work)
        {
            if (work == null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            DucoWork? duco = work as DucoWork;
            if (duco == null)
            {
                throw new ArgumentException("DUCO-S1 scanners hash DucoWork, not " + work.GetType().Name + " (algorithm '" + work.Algorithm + "'); pick a scanner for that algorithm.", nameof(work));
            }

            return duco;
        }
    }
}
