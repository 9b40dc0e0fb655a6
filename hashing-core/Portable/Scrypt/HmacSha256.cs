using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104, FIPS 198-1) built on the portable <see cref="Sha256"/> compression function. The key is
    /// absorbed once: the states after the inner pad (key ⊕ 0x36…) and the outer pad (key ⊕ 0x5c…) are kept, so every
    /// message costs only its own blocks plus one outer block. PBKDF2 and scrypt call it many times with one key.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Size of a MAC in bytes.</summary>
        public const int MacSize = Sha256.DigestSize;

        private const uint InnerPadWord = 0x36363636;
        private const uint OuterPadWord = 0x5c5c5c5c;

        private readonly uint[] _inner = new uint[8];
        private readonly uint[] _outer = new uint[8];
        private readonly uint[] _w = new uint[64];

        /// <summary>Creates a MAC keyed with <paramref name="key"/> (any length; keys longer than 64 bytes are hashed first, RFC 2104 §2).</summary>
        public HmacSha256(byte[] key)
        {
            SetKey(key);
        }

        /// <summary>Creates a MAC with an all-zero key; call <see cref="SetKey"/> or <see cref="SetKeyDigest"/> before use.</summary>
        public HmacSha256()
        {
            SetKeyDigest(new uint[8]);
        }

        /// <summary>The state after the inner padded key block. Callers must not modify it.</summary>
        public uint[] InnerState
        {
            get { return _inner; }
        }

        /// <summary>The state after the outer padded key block. Callers must not modify it.</summary>
        public uint[] OuterState
        {
            get { return _outer; }
        }

        /// <summary>Re-keys the MAC with <paramref name="key"/> (any length).</summary>
        public void SetKey(byte[] key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key", "An HMAC key is required (it may be empty).");
            }

            byte[] block = new byte[Sha256.BlockSize];
            if (key.Length > Sha256.BlockSize)
            {
                byte[] digest = Sha256.Hash(key);
                Array.Copy(digest, block, digest.Length);
            }
            else
            {
                Array.Copy(key, block, key.Length);
            }

            Sha256.LoadBlock(block, 0, _w);
            Absorb(_inner, InnerPadWord);
            Sha256.LoadBlock(block, 0, _w);
            Absorb(_outer, OuterPadWord);
        }

        /// <summary>
        /// Re-keys the MAC with a 32-byte key given as eight big-endian words, e.g. the SHA-256 state of a key longer
        /// than a block: scanners derive the key SHA-256(header) from a midstate and skip the byte round trip.
        /// </summary>
        public void SetKeyDigest(uint[] keyWords)
        {
            LoadKeyWords(keyWords);
            Absorb(_inner, InnerPadWord);
            LoadKeyWords(keyWords);
            Absorb(_outer, OuterPadWord);
        }

        /// <summary>The MAC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public byte[] Compute(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count", "The message range must lie inside the data buffer.");
            }

            uint[] state = new uint[8];
            Array.Copy(_inner, state, 8);
            HashFrom(state, Sha256.BlockSize, data, offset, count);
            byte[] innerDigest = Sha256.StateToDigest(state);
            Array.Copy(_outer, state, 8);
            HashFrom(state, Sha256.BlockSize, innerDigest, 0, MacSize);
            return Sha256.StateToDigest(state);
        }

        /// <summary>The MAC of a whole buffer.</summary>
        public byte[] Compute(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data", "The message is required (it may be empty).");
            }

            return Compute(data, 0, data.Length);
        }

        /// <summary>
        /// Finishes a SHA-256 whose first <paramref name="prefixLength"/> bytes (a multiple of 64) are already in
        /// <paramref name="state"/>: compresses the message and its padding (FIPS 180-4 §5.1.1) for the total length.
        /// </summary>
        private void HashFrom(uint[] state, long prefixLength, byte[] data, int offset, int count)
        {
            int full = count / Sha256.BlockSize;
            for (int i = 0; i < full; i++)
            {
                Sha256.LoadBlock(data, offset + (i * Sha256.BlockSize), _w);
                Sha256.Compress(state, _w);
            }

            int rest = count - (full * Sha256.BlockSize);
            byte[] tail = new byte[rest < 56 ? Sha256.BlockSize : 2 * Sha256.BlockSize];
            Array.Copy(data, offset + (full * Sha256.BlockSize), tail, 0, rest);
            tail[rest] = 0x80;
            ulong bits = (ulong)(prefixLength + count) * 8;
            for (int i = 0; i < 8; i++)
            {
                tail[tail.Length - 1 - i] = (byte)(bits >> (8 * i));
            }

            for (int block = 0; block < tail.Length; block += Sha256.BlockSize)
            {
                Sha256.LoadBlock(tail, block, _w);
                Sha256.Compress(state, _w);
            }
        }

        private void LoadKeyWords(uint[] keyWords)
        {
            if (keyWords == null || keyWords.Length < 8)
            {
                throw new ArgumentException("A digest key is eight 32-bit words.", "keyWords");
            }

            Array.Copy(keyWords, _w, 8);
            Array.Clear(_w, 8, 8);
        }

        /// <summary>Compresses the key block in <c>_w</c>[0..15] XOR the pad into a fresh state (RFC 2104 §2, steps 2 and 5).</summary>
        private void Absorb(uint[] state, uint padWord)
        {
            for (int i = 0; i < 16; i++)
            {
                _w[i] ^= padWord;
            }

            Array.Copy(Sha256.InitialHash, state, 8);
            Sha256.Compress(state, _w);
        }
    }
}
