using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The nonces a scan found, in the order found. A growable array of uint, because nanoFramework has no List&lt;T&gt;.
    /// </summary>
    public sealed class NonceHits
    {
        private uint[] _nonces = new uint[4];
        private int _count;

        /// <summary>How many nonces were found.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The nonce found at position <paramref name="index"/>.</summary>
        public uint this[int index]
        {
            get
            {
                if (index < 0 || index >= _count)
                {
                    throw new ArgumentOutOfRangeException("index");
                }

                return _nonces[index];
            }
        }

        /// <summary>Appends a nonce.</summary>
        public void Add(uint nonce)
        {
            if (_count == _nonces.Length)
            {
                uint[] larger = new uint[_nonces.Length * 2];
                Array.Copy(_nonces, larger, _count);
                _nonces = larger;
            }

            _nonces[_count++] = nonce;
        }

        /// <summary>Forgets every nonce, keeping the storage.</summary>
        public void Clear()
        {
            _count = 0;
        }

        /// <summary>The nonces as a new array.</summary>
        public uint[] ToArray()
        {
            uint[] copy = new uint[_count];
            Array.Copy(_nonces, copy, _count);
            return copy;
        }
    }
}
