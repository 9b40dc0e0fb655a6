using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The SHA-256 half of Litecoin's scrypt, specialised for an 80-byte header as both password and salt, on words
    /// instead of bytes. Per nonce it costs 16 compressions: the HMAC key SHA-256(header) (one, from the midstate of
    /// bytes 0..63), the two padded key blocks, the salt's first block, 4 + 4 for the 128-byte PBKDF2 output, and 3 + 1
    /// for the final PBKDF2 over the mixed block. ROMix in between is the caller's. The SIMD engines run the same steps
    /// lane-parallel (Engines/Scrypt/LaneScryptHeaderHasher.cs).
    /// </summary>
    internal sealed class ScryptHeaderHasher
    {
        /// <summary>Words of one mixed block for r = 1: B = PBKDF2(header, header, 1, 128).</summary>
        public const int BlockWords = ScryptRoMix.WordsPerR;

        // Bit lengths for the padding of each final SHA-256 block (FIPS 180-4 §5.1.1): HMAC prefixes a 64-byte key block.
        private const uint InnerSaltBits = (64 + 80 + 4) * 8;
        private const uint InnerBlockBits = (64 + 128 + 4) * 8;
        private const uint OuterBits = (64 + 32) * 8;
        private const uint HeaderBits = 80 * 8;

        private readonly uint[] _midstate = new uint[8];
        private readonly uint[] _headerBlock = new uint[16];
        private readonly uint[] _tail = new uint[3];
        private readonly uint[] _w = new uint[64];
        private readonly uint[] _state = new uint[8];
        private readonly uint[] _afterHeader = new uint[8];

        /// <summary>Prepares the nonce-independent parts of <paramref name="work"/>'s header.</summary>
        public ScryptHeaderHasher(HeaderWork work)
        {
            Array.Copy(work.Midstate, _midstate, 8);
            byte[] header = work.HeaderWithNonce(0);
            Sha256.LoadBlock(header, 0, _headerBlock);
            for (int i = 0; i < 3; i++)
            {
                _tail[i] = work.TailWord(i);
            }
        }

        /// <summary>Keys <paramref name="mac"/> with SHA-256(header with <paramref name="nonce"/>): HMAC hashes keys longer than a block (RFC 2104 §2).</summary>
        public void KeyFor(uint nonce, HmacSha256 mac)
        {
            Array.Copy(_midstate, _state, 8);
            LoadHeaderTail(nonce);
            _w[4] = 0x80000000;
            Array.Clear(_w, 5, 10);
            _w[15] = HeaderBits;
            Sha256.Compress(_state, _w);
            mac.SetKeyDigest(_state);
        }

        /// <summary>
        /// B = PBKDF2-HMAC-SHA256(header, header, 1, 128) as 32 little-endian words in <paramref name="block"/>.
        /// <paramref name="mac"/> must be keyed by <see cref="KeyFor"/> for the same nonce.
        /// </summary>
        public void Expand(uint nonce, HmacSha256 mac, uint[] block)
        {
            // The inner hash of every PBKDF2 block starts with the same 64 salt bytes: compress them once.
            Array.Copy(mac.InnerState, _afterHeader, 8);
            Array.Copy(_headerBlock, _w, 16);
            Sha256.Compress(_afterHeader, _w);
            for (uint index = 1; index <= 4; index++)
            {
                Array.Copy(_afterHeader, _state, 8);
                LoadHeaderTail(nonce);
                _w[4] = index;
                _w[5] = 0x80000000;
                Array.Clear(_w, 6, 9);
                _w[15] = InnerSaltBits;
                Sha256.Compress(_state, _w);
                Outer(mac);
                int first = (int)(index - 1) * 8;
                for (int k = 0; k < 8; k++)
                {
                    block[first + k] = ReverseBytes(_state[k]);
                }
            }
        }

        /// <summary>
        /// The proof-of-work hash PBKDF2-HMAC-SHA256(header, B, 1, 32) of the mixed block B (32 little-endian words in
        /// <paramref name="block"/>), written to <paramref name="hash"/> in raw order.
        /// </summary>
        public void Finish(HmacSha256 mac, uint[] block, byte[] hash)
        {
            Array.Copy(mac.InnerState, _state, 8);
            for (int half = 0; half < 2; half++)
            {
                for (int k = 0; k < 16; k++)
                {
                    _w[k] = ReverseBytes(block[(half * 16) + k]);
                }

                Sha256.Compress(_state, _w);
            }

            _w[0] = 1;
            _w[1] = 0x80000000;
            Array.Clear(_w, 2, 13);
            _w[15] = InnerBlockBits;
            Sha256.Compress(_state, _w);
            Outer(mac);
            for (int k = 0; k < 8; k++)
            {
                Sha256.WriteBigEndian(hash, k * 4, _state[k]);
            }
        }

        /// <summary>Bytes 64..79 of the header (merkle tail, ntime, nBits, nonce) as the first four message words.</summary>
        private void LoadHeaderTail(uint nonce)
        {
            _w[0] = _tail[0];
            _w[1] = _tail[1];
            _w[2] = _tail[2];
            _w[3] = ReverseBytes(nonce);
        }

        /// <summary>Replaces the inner digest in <c>_state</c> by the HMAC: SHA-256(outer key block ‖ inner digest).</summary>
        private void Outer(HmacSha256 mac)
        {
            Array.Copy(_state, _w, 8);
            _w[8] = 0x80000000;
            Array.Clear(_w, 9, 6);
            _w[15] = OuterBits;
            Array.Copy(mac.OuterState, _state, 8);
            Sha256.Compress(_state, _w);
        }

        private static uint ReverseBytes(uint value)
        {
            return (value >> 24) | ((value >> 8) & 0x0000ff00) | ((value << 8) & 0x00ff0000) | (value << 24);
        }
    }
}
