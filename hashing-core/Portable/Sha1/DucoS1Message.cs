using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The message DUCO-S1 hashes for one job, ascii(lastHash) + ascii(decimal nonce), held as its padded final
    /// SHA-1 block(s) with the nonce's digits written in place, so the next nonce is one decimal increment of that
    /// buffer (no string per nonce). What does not depend on the nonce is computed once: the state after the
    /// last hash's whole 64-byte blocks, and the rounds over the words of the final block that the last hash fills
    /// (rounds 0..9 for Duino-Coin's 40-character hash).
    /// </summary>
    internal sealed class DucoS1Message
    {
        /// <summary>Digits of the largest nonce, 4294967295.</summary>
        public const int MaxDigits = 10;

        private readonly uint[] _prefixState;
        private readonly uint[] _fixedWorking;
        private readonly int _digitsStart;
        private readonly int _fixedRounds;
        private readonly ulong _prefixLength;
        private readonly byte[] _tail = new byte[2 * Sha1.BlockSize];
        private readonly uint[] _w = new uint[Sha1.Rounds];
        private readonly uint[] _w2 = new uint[Sha1.Rounds];
        private readonly uint[] _working = new uint[5];
        private readonly uint[] _state = new uint[5];
        private int _digits;
        private int _blocks;

        /// <summary>Prepares the message for a job's last hash, positioned at nonce 0.</summary>
        public DucoS1Message(string lastHash)
        {
            byte[] prefix = DucoS1.Prefix(lastHash);
            _prefixLength = (ulong)prefix.Length;
            _prefixState = Sha1.NewState();
            int full = prefix.Length / Sha1.BlockSize;
            for (int i = 0; i < full; i++)
            {
                Sha1.LoadBlock(prefix, i * Sha1.BlockSize, _w);
                Sha1.Compress(_prefixState, _w);
            }

            _digitsStart = prefix.Length - (full * Sha1.BlockSize);
            Array.Copy(prefix, full * Sha1.BlockSize, _tail, 0, _digitsStart);

            // Words 0..k-1 of the final block hold only last-hash bytes: their rounds are the same for every nonce.
            _fixedRounds = _digitsStart / 4;
            Sha1.LoadBlock(_tail, 0, _w);
            _fixedWorking = new uint[5];
            Array.Copy(_prefixState, _fixedWorking, 5);
            Sha1.RunRounds(_fixedWorking, _w, 0, _fixedRounds);
            Seek(0);
        }

        /// <summary>Writes the decimal digits of <paramref name="nonce"/> into the message.</summary>
        public void Seek(uint nonce)
        {
            int digits = DigitCount(nonce);
            uint rest = nonce;
            for (int i = digits - 1; i >= 0; i--)
            {
                _tail[_digitsStart + i] = (byte)('0' + (rest % 10));
                rest /= 10;
            }

            Layout(digits);
        }

        /// <summary>Moves to the next nonce: adds one to the decimal digits, carrying, and growing by a digit at 9, 99, 999, ...</summary>
        public void Increment()
        {
            int i = _digitsStart + _digits - 1;
            while (i >= _digitsStart && _tail[i] == (byte)'9')
            {
                _tail[i] = (byte)'0';
                i--;
            }

            if (i >= _digitsStart)
            {
                _tail[i]++;
                return;
            }

            if (_digits == MaxDigits)
            {
                throw new InvalidOperationException("The nonce 4294967295 is the last 32-bit nonce; there is no next one.");
            }

            // All digits were 9: the number is now 1 followed by zeros, one digit longer.
            _tail[_digitsStart] = (byte)'1';
            _tail[_digitsStart + _digits] = (byte)'0';
            Layout(_digits + 1);
        }

        /// <summary>Computes SHA-1 of the current message and tells whether its five state words equal <paramref name="expected"/>.</summary>
        public bool DigestEquals(uint[] expected)
        {
            Digest();
            return _state[0] == expected[0] && _state[1] == expected[1] && _state[2] == expected[2]
                && _state[3] == expected[3] && _state[4] == expected[4];
        }

        /// <summary>The number of decimal digits of <paramref name="nonce"/> (1 for 0).</summary>
        public static int DigitCount(uint nonce)
        {
            int digits = 1;
            while (nonce >= 10)
            {
                nonce /= 10;
                digits++;
            }

            return digits;
        }

        private void Digest()
        {
            for (int i = _fixedRounds; i < 16; i++)
            {
                _w[i] = Sha256.ReadBigEndian(_tail, i * 4);
            }

            Sha1.Expand(_w);
            Array.Copy(_fixedWorking, _working, 5);
            Sha1.RunRounds(_working, _w, _fixedRounds, Sha1.Rounds);
            Array.Copy(_prefixState, _state, 5);
            Sha1.AddInto(_state, _working);
            if (_blocks == 2)
            {
                Sha1.LoadBlock(_tail, Sha1.BlockSize, _w2);
                Sha1.Compress(_state, _w2);
            }
        }

        // Padding (FIPS 180-4 §5.1.1) after the digits: 0x80, zeros, the bit length in the last 8 bytes of the
        // final block; a second block when the digits leave fewer than 9 bytes.
        private void Layout(int digits)
        {
            _digits = digits;
            int end = _digitsStart + digits;
            Array.Clear(_tail, end, _tail.Length - end);
            _tail[end] = 0x80;
            _blocks = end + 9 <= Sha1.BlockSize ? 1 : 2;
            Sha1.WriteBitLength(_tail, _blocks * Sha1.BlockSize, _prefixLength + (ulong)digits);
        }
    }
}
