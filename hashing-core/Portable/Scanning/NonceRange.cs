using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>Rules for nonce ranges: a range is [first, first + count) and may end at 2^32 but not pass it.</summary>
    public static class NonceRange
    {
        /// <summary>One past the largest 32-bit nonce.</summary>
        public const ulong Limit = 0x100000000UL;

        /// <summary>Throws when the range passes the 32-bit nonce space.</summary>
        public static void Check(uint firstNonce, ulong count)
        {
            if (count > Limit - firstNonce)
            {
                throw new ArgumentOutOfRangeException("count", "The nonce range passes 2^32: first + count must be at most 4294967296.");
            }
        }
    }
}
