using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The reference scrypt scanner (Litecoin's N = 1024, r = 1, p = 1), one nonce at a time, portable to nanoFramework.
    /// Every SIMD engine must report exactly what it reports. One 128 KiB scratchpad serves the whole scan.
    /// </summary>
    public sealed class ScryptScalarScanner : INonceScanner
    {
        /// <inheritdoc />
        public string Name
        {
            get { return "scalar"; }
        }

        /// <inheritdoc />
        public string Algorithm
        {
            get { return Algorithms.Scrypt; }
        }

        /// <inheritdoc />
        public int Lanes
        {
            get { return 1; }
        }

        /// <inheritdoc />
        public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        {
            HeaderWork headerWork = RequireScryptWork(work, hits);
            NonceRange.Check(firstNonce, count);
            if (count == 0)
            {
                return;
            }

            ScryptHeaderHasher hasher = new ScryptHeaderHasher(headerWork);
            HmacSha256 mac = new HmacSha256();
            uint[] block = new uint[ScryptHeaderHasher.BlockWords];
            uint[] scratchpad = new uint[ScryptHeaderHasher.BlockWords * Scrypt.HeaderCost];
            uint[] mixBuffer = new uint[ScryptHeaderHasher.BlockWords];
            byte[] hash = new byte[Scrypt.HashSize];
            Target target = headerWork.Target;
            for (ulong i = 0; i < count; i++)
            {
                uint nonce = (uint)(firstNonce + i);
                hasher.KeyFor(nonce, mac);
                hasher.Expand(nonce, mac, block);
                ScryptRoMix.Mix(block, 0, Scrypt.HeaderBlockSize, Scrypt.HeaderCost, scratchpad, mixBuffer);
                hasher.Finish(mac, block, hash);
                if (target.IsMetBy(hash))
                {
                    hits.Add(nonce);
                }
            }
        }

        /// <summary>The work as scrypt header work, or a clear error naming what was passed instead.</summary>
        internal static HeaderWork RequireScryptWork(MiningWork work, NonceHits hits)
        {
            if (hits == null)
            {
                throw new ArgumentNullException("hits", "A NonceHits list is required to collect the results.");
            }

            HeaderWork? headerWork = work as HeaderWork;
            if (headerWork == null || headerWork.Algorithm != Algorithms.Scrypt)
            {
                string got = work == null ? "null" : work.Algorithm;
                throw new ArgumentException("The scrypt scanner needs HeaderWork for '" + Algorithms.Scrypt + "', got '" + got + "'.", "work");
            }

            return headerWork;
        }
    }
}
