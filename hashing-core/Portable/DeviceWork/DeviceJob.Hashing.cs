using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>What a device does with a job: hash a nonce and compare it with the share target.</summary>
    public sealed partial class DeviceJob
    {
        /// <summary>Bit length of an 80-byte header, the last word of its padded second block (FIPS 180-4 §5.1.1).</summary>
        private const uint HeaderBitLength = 80 * 8;

        /// <summary>Bit length of a 32-byte digest, the last word of the padded block that hashes it again.</summary>
        private const uint DigestBitLength = 32 * 8;

        /// <summary>The padding's leading 1 bit as the first word after the message (FIPS 180-4 §5.1.1).</summary>
        private const uint PaddingStartWord = 0x80000000;

        /// <summary>
        /// sha256d of the job's header with <paramref name="nonce"/>, as 32 raw digest bytes (not display order), from
        /// the midstate alone: the second block is the tail, the nonce, and constant padding; then the digest is hashed again.
        /// The portable scalar reference; a device engine may be faster but must agree with it.
        /// </summary>
        /// <exception cref="InvalidOperationException">For a scrypt job.</exception>
        public byte[] HashSha256d(uint nonce)
        {
            uint[] state = GetMidstate();
            uint[] w = new uint[64];
            for (int i = 0; i < 3; i++)
            {
                w[i] = Sha256.ReadBigEndian(_tail!, i * 4);
            }

            // The header stores the nonce little-endian (bytes 76..79); SHA-256 reads that word big-endian.
            w[3] = ((nonce & 0xFF) << 24) | ((nonce & 0xFF00) << 8) | ((nonce >> 8) & 0xFF00) | (nonce >> 24);
            w[4] = PaddingStartWord;
            w[15] = HeaderBitLength;
            Sha256.Compress(state, w);

            uint[] second = Sha256.NewState();
            Array.Copy(state, w, 8);
            w[8] = PaddingStartWord;
            for (int i = 9; i < 15; i++)
            {
                w[i] = 0;
            }

            w[15] = DigestBitLength;
            Sha256.Compress(second, w);
            return Sha256.StateToDigest(second);
        }

        /// <summary>True when the job's header with <paramref name="nonce"/> hashes at or below the share target.</summary>
        public bool Meets(uint nonce)
        {
            if (_midstate != null)
            {
                return _target.IsMetBy(HashSha256d(nonce));
            }

            NonceHits hits = new NonceHits();
            new ScryptScalarScanner().Scan(CreateScryptWork(), nonce, 1, hits);
            return hits.Count == 1;
        }

        /// <summary>Scanner work for a scrypt job: the 76-byte prefix plus a zero nonce, and the share target.</summary>
        /// <exception cref="InvalidOperationException">For a sha256d job, whose header a device cannot rebuild from the midstate.</exception>
        public HeaderWork CreateScryptWork()
        {
            byte[] header = new byte[HeaderWork.HeaderLength];
            Array.Copy(RequireScrypt("header prefix"), header, PrefixLength);
            return new HeaderWork(Algorithms.Scrypt, header, _target);
        }
    }
}
