using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// A Duino-Coin DUCO-S1 job: find n in 0..100·difficulty with sha1(ascii(lastHash) + ascii(decimal n)) == expected
    /// (as the official miners compute it, github.com/revoxhere/duino-coin).
    /// </summary>
    public sealed class DucoWork : MiningWork
    {
        private readonly string _lastHash;
        private readonly byte[] _expected;
        private readonly uint _difficulty;

        /// <summary>Creates a job from the server's reply fields.</summary>
        /// <param name="lastHash">The previous block hash, 40 lowercase hex characters, hashed as ASCII text.</param>
        /// <param name="expected">The SHA-1 digest a solution produces (20 bytes).</param>
        /// <param name="difficulty">The job difficulty; nonces run from 0 to 100·difficulty inclusive.</param>
        public DucoWork(string lastHash, byte[] expected, uint difficulty)
        {
            if (lastHash == null || lastHash.Length == 0)
            {
                throw new ArgumentException("The last hash is required.", "lastHash");
            }

            if (expected == null || expected.Length != 20)
            {
                throw new ArgumentException("The expected SHA-1 digest is exactly 20 bytes.", "expected");
            }

            if (difficulty == 0 || difficulty > 42949672)
            {
                throw new ArgumentOutOfRangeException("difficulty", "The difficulty must be 1..42949672 so that 100·difficulty fits a 32-bit nonce.");
            }

            _lastHash = lastHash;
            _expected = new byte[20];
            Array.Copy(expected, _expected, 20);
            _difficulty = difficulty;
        }

        /// <inheritdoc />
        public override string Algorithm
        {
            get { return Algorithms.DucoS1; }
        }

        /// <summary>The previous block hash as hashed (ASCII).</summary>
        public string LastHash
        {
            get { return _lastHash; }
        }

        /// <summary>The job difficulty.</summary>
        public uint Difficulty
        {
            get { return _difficulty; }
        }

        /// <summary>How many nonces the job has: 0..100·difficulty inclusive.</summary>
        public ulong NonceCount
        {
            get { return ((ulong)_difficulty * 100) + 1; }
        }

        /// <summary>The expected digest byte at <paramref name="index"/>.</summary>
        public byte ExpectedByte(int index)
        {
            return _expected[index];
        }
    }
}
