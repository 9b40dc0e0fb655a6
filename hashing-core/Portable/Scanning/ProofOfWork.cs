using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The one place that turns an algorithm name (<see cref="Algorithms"/>) into its proof-of-work hash, so callers
    /// never switch on the name themselves and a new algorithm is added here once. The reference (scalar) hashes:
    /// what a pool recomputes, so what every share is checked with before it leaves.
    /// </summary>
    /// <remarks>
    /// Two shapes of input exist. sha256d and scrypt hash an 80-byte block header with the nonce in bytes 76..79
    /// (<see cref="Hash(string, byte[])"/>). DUCO-S1 hashes text, the last hash followed by the decimal nonce, so it
    /// has no header: <see cref="Hash(MiningWork, uint)"/> covers all three from the work and the nonce.
    /// </remarks>
    public static class ProofOfWork
    {
        /// <summary>How much of an unknown algorithm name an error message repeats (it may come from outside).</summary>
        private const int MaxNameShown = 32;

        /// <summary>
        /// The raw 32-byte proof-of-work hash of an 80-byte block header (the order <see cref="Target.IsMetBy"/>
        /// reads; block explorers print it byte-reversed): sha256d for <see cref="Algorithms.Sha256d"/>, scrypt
        /// N=1024, r=1, p=1 for <see cref="Algorithms.Scrypt"/>.
        /// </summary>
        /// <param name="algorithm">A header algorithm, <see cref="Algorithms.Sha256d"/> or <see cref="Algorithms.Scrypt"/>.</param>
        /// <param name="header80">The header as serialized, nonce included.</param>
        /// <exception cref="ArgumentException">
        /// When <paramref name="algorithm"/> is not a header algorithm (DUCO-S1 included: use
        /// <see cref="Hash(MiningWork, uint)"/>), or the header is not 80 bytes.
        /// </exception>
        public static byte[] Hash(string algorithm, byte[] header80)
        {
            if (algorithm == Algorithms.Sha256d)
            {
                return Sha256d.HashHeader(header80);
            }

            if (algorithm == Algorithms.Scrypt)
            {
                return Scrypt.HashHeader(header80);
            }

            if (algorithm == Algorithms.DucoS1)
            {
                throw new ArgumentException(
                    "duco-s1 hashes the last hash and a decimal nonce, not a block header: hash its DucoWork with ProofOfWork.Hash(work, nonce).",
                    "algorithm");
            }

            throw new ArgumentException(Unknown(algorithm), "algorithm");
        }

        /// <summary>
        /// The proof-of-work hash of <paramref name="work"/> at <paramref name="nonce"/>, for every algorithm: a header
        /// work's header with the nonce, hashed as <see cref="Hash(string, byte[])"/> does (32 raw bytes); a DUCO-S1
        /// work's sha1(ascii(lastHash) + ascii(decimal nonce)) (20 bytes, compared with the job's expected digest).
        /// </summary>
        /// <exception cref="ArgumentNullException">When <paramref name="work"/> is null.</exception>
        /// <exception cref="ArgumentException">When the work is of an algorithm this core does not know.</exception>
        public static byte[] Hash(MiningWork work, uint nonce)
        {
            if (work == null)
            {
                throw new ArgumentNullException("work");
            }

            HeaderWork? header = work as HeaderWork;
            if (header != null)
            {
                return Hash(header.Algorithm, header.HeaderWithNonce(nonce));
            }

            DucoWork? duco = work as DucoWork;
            if (duco != null)
            {
                return DucoS1.Hash(duco.LastHash, nonce);
            }

            throw new ArgumentException(Unknown(work.Algorithm), "work");
        }

        /// <summary>Whether <paramref name="algorithm"/> hashes an 80-byte block header (sha256d, scrypt).</summary>
        public static bool IsHeaderAlgorithm(string algorithm)
        {
            return algorithm == Algorithms.Sha256d || algorithm == Algorithms.Scrypt;
        }

        private static string Unknown(string algorithm)
        {
            return "Unknown proof-of-work algorithm '" + UntrustedText.EscapeToAscii(algorithm, MaxNameShown) + "': use "
                + Algorithms.Sha256d + ", " + Algorithms.Scrypt + " or " + Algorithms.DucoS1 + ".";
        }
    }
}
