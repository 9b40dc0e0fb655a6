using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Work on an 80-byte block header (sha256d or scrypt): the header as hashed, with its nonce field (bytes 76..79,
    /// little-endian) replaced by each nonce scanned, and the target a hash must meet.
    /// </summary>
    public sealed class HeaderWork : MiningWork
    {
        /// <summary>Length of a block header.</summary>
        public const int HeaderLength = 80;

        private readonly string _algorithm;
        private readonly byte[] _header;
        private readonly Target _target;
        private uint[]? _midstate;

        /// <summary>Creates work for <paramref name="algorithm"/> (sha256d or scrypt) on a copy of <paramref name="header"/>.</summary>
        public HeaderWork(string algorithm, byte[] header, Target target)
        {
            if (!ProofOfWork.IsHeaderAlgorithm(algorithm))
            {
                throw new ArgumentException("Header work is for sha256d or scrypt, not '" + algorithm + "'.", "algorithm");
            }

            if (header == null || header.Length != HeaderLength)
            {
                throw new ArgumentException("A block header is exactly 80 bytes.", "header");
            }

            _algorithm = algorithm;
            _header = new byte[HeaderLength];
            Array.Copy(header, _header, HeaderLength);
            _target = target;
        }

        /// <inheritdoc />
        public override string Algorithm
        {
            get { return _algorithm; }
        }

        /// <summary>The target a hash must be at or below.</summary>
        public Target Target
        {
            get { return _target; }
        }

        /// <summary>A copy of the header with the given nonce in bytes 76..79.</summary>
        public byte[] HeaderWithNonce(uint nonce)
        {
            byte[] copy = new byte[HeaderLength];
            Array.Copy(_header, copy, HeaderLength);
            copy[76] = (byte)nonce;
            copy[77] = (byte)(nonce >> 8);
            copy[78] = (byte)(nonce >> 16);
            copy[79] = (byte)(nonce >> 24);
            return copy;
        }

        /// <summary>The header byte at <paramref name="index"/> (the nonce field holds the header's own nonce).</summary>
        public byte this[int index]
        {
            get { return _header[index]; }
        }

        /// <summary>
        /// The SHA-256 state after header bytes 0..63, computed once per work: only bytes 64..79 change per nonce.
        /// Callers must not modify the returned array.
        /// </summary>
        public uint[] Midstate
        {
            get
            {
                if (_midstate == null)
                {
                    _midstate = Sha256.Midstate(_header, 0);
                }

                return _midstate;
            }
        }

        /// <summary>Header bytes 64..75 (merkle root tail, ntime, nBits) as three big-endian words, the nonce-independent part of the second block.</summary>
        public uint TailWord(int index)
        {
            return Sha256.ReadBigEndian(_header, 64 + (index * 4));
        }
    }
}
