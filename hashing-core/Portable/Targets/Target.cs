using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// A 256-bit proof-of-work target. A hash meets it when the hash, read as a little-endian 256-bit integer
    /// (the Bitcoin convention), is at or below it. Stored as eight 32-bit words, least significant first.
    /// </summary>
    public sealed partial class Target
    {
        private readonly uint[] _words;

        /// <summary>Creates a target from eight words, least significant first (the array is copied).</summary>
        public Target(uint[] wordsLeastSignificantFirst)
        {
            if (wordsLeastSignificantFirst == null || wordsLeastSignificantFirst.Length != 8)
            {
                throw new ArgumentException("A target is eight 32-bit words.", "wordsLeastSignificantFirst");
            }

            _words = new uint[8];
            Array.Copy(wordsLeastSignificantFirst, _words, 8);
        }

        /// <summary>Word <paramref name="index"/> of the target, 0 the least significant, 7 the most.</summary>
        public uint GetWord(int index)
        {
            return _words[index];
        }

        /// <summary>True when the 32-byte hash, read little-endian, is at or below the target.</summary>
        public bool IsMetBy(byte[] hash)
        {
            for (int i = 7; i >= 0; i--)
            {
                uint word = (uint)hash[i * 4] | ((uint)hash[(i * 4) + 1] << 8) | ((uint)hash[(i * 4) + 2] << 16) | ((uint)hash[(i * 4) + 3] << 24);
                if (word != _words[i])
                {
                    return word < _words[i];
                }
            }

            return true;
        }
    }
}
