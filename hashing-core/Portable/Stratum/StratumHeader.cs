using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Builds the 80-byte block header a Stratum V1 job describes (Stratum V1 mining.notify; the header layout of developer.bitcoin.org/reference/block_chain.html): the coinbase from
    /// coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2, the merkle root by folding the notify's branches into the
    /// coinbase hash, then version, prevhash, root, ntime, nBits and nonce in header order.
    /// </summary>
    public static class StratumHeader
    {
        /// <summary>The coinbase transaction: coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2, as decoded from hex.</summary>
        /// <exception cref="ArgumentNullException">When a part is null.</exception>
        public static byte[] Coinbase(byte[] coinb1, byte[] extranonce1, byte[] extranonce2, byte[] coinb2)
        {
            RequireNotNull(coinb1, "coinb1");
            RequireNotNull(extranonce1, "extranonce1");
            RequireNotNull(extranonce2, "extranonce2");
            RequireNotNull(coinb2, "coinb2");
            byte[] coinbase = new byte[coinb1.Length + extranonce1.Length + extranonce2.Length + coinb2.Length];
            int offset = Append(coinbase, 0, coinb1);
            offset = Append(coinbase, offset, extranonce1);
            offset = Append(coinbase, offset, extranonce2);
            Append(coinbase, offset, coinb2);
            return coinbase;
        }

        /// <summary>
        /// The merkle root: starting from sha256d(coinbase), root = sha256d(root ‖ branch) for each branch in
        /// order. Branches are used as mining.notify's hex decodes (no byte reversal); the root comes out in header order.
        /// </summary>
        /// <exception cref="ArgumentException">When the coinbase hash or a branch is not 32 bytes.</exception>
        public static byte[] MerkleRoot(byte[] coinbaseHash32, byte[][] branches)
        {
            RequireHash(coinbaseHash32, "coinbaseHash32");
            RequireNotNull(branches, "branches");
            byte[] root = new byte[32];
            Array.Copy(coinbaseHash32, root, 32);
            byte[] pair = new byte[64];
            for (int i = 0; i < branches.Length; i++)
            {
                if (branches[i] == null || branches[i].Length != 32)
                {
                    throw new ArgumentException("Merkle branch " + i + " is not 32 bytes (64 hex digits).", "branches");
                }

                Array.Copy(root, pair, 32);
                Array.Copy(branches[i], 0, pair, 32, 32);
                root = Sha256d.Hash(pair);
            }

            return root;
        }

        /// <summary>
        /// The 80-byte header: version, ntime, nBits and nonce little-endian; the prevhash as mining.notify sends it,
        /// which has each 4-byte word byte-swapped relative to the header, so each word is swapped back; the merkle root as is.
        /// </summary>
        /// <exception cref="ArgumentException">When the prevhash or merkle root is not 32 bytes.</exception>
        public static byte[] Header(uint version, byte[] notifyPrevHash32, byte[] merkleRoot32, uint ntime, uint nBits, uint nonce)
        {
            RequireHash(notifyPrevHash32, "notifyPrevHash32");
            RequireHash(merkleRoot32, "merkleRoot32");
            byte[] header = new byte[HeaderWork.HeaderLength];
            WriteLittleEndian(header, 0, version);
            for (int word = 0; word < 8; word++)
            {
                for (int i = 0; i < 4; i++)
                {
                    header[4 + (word * 4) + i] = notifyPrevHash32[(word * 4) + 3 - i];
                }
            }

            Array.Copy(merkleRoot32, 0, header, 36, 32);
            WriteLittleEndian(header, 68, ntime);
            WriteLittleEndian(header, 72, nBits);
            WriteLittleEndian(header, 76, nonce);
            return header;
        }

        /// <summary>
        /// Reads one of Stratum's 8-digit big-endian hex words: version, nbits and ntime in mining.notify, ntime and
        /// nonce in mining.submit (e.g. "1d00ffff" is 0x1d00ffff).
        /// </summary>
        /// <exception cref="ArgumentException">When the text is not exactly 8 hex digits.</exception>
        public static uint ParseHexWord(string hex8)
        {
            if (hex8 == null || hex8.Length != 8)
            {
                throw new ArgumentException(
                    "A Stratum hex word is exactly 8 hex digits (e.g. 1d00ffff), not '" + hex8 + "'.", "hex8");
            }

            return Sha256.ReadBigEndian(Hex.Decode(hex8), 0);
        }

        /// <summary>A word as Stratum's 8 lowercase hex digits, zero-padded: the inverse of <see cref="ParseHexWord"/>, for mining.submit.</summary>
        public static string FormatHexWord(uint value)
        {
            byte[] bytes = new byte[4];
            Sha256.WriteBigEndian(bytes, 0, value);
            return Hex.Encode(bytes);
        }

        private static int Append(byte[] destination, int offset, byte[] part)
        {
            Array.Copy(part, 0, destination, offset, part.Length);
            return offset + part.Length;
        }

        private static void WriteLittleEndian(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        private static void RequireHash(byte[] hash, string name)
        {
            if (hash == null || hash.Length != 32)
            {
                throw new ArgumentException(name + " must be exactly 32 bytes.", name);
            }
        }

        private static void RequireNotNull(object value, string name)
        {
            if (value == null)
            {
                throw new ArgumentNullException(name);
            }
        }
    }
}
