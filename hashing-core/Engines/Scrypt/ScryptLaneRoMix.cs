using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// ROMix (RFC 7914 §5) for N = 1024, r = 1 on <c>TLanes.Count</c> lanes. X is 32 word-interleaved vectors; the
/// scratchpad holds each lane's 1024 blocks of 32 words contiguously, so the second loop's V[j], with j different in
/// every lane, is two cache lines per lane instead of 32 scattered words. pooler cpuminer's scrypt-x64.S
/// (scrypt_core_6way) solves the same problem by packing whole lanes into 128-bit halves and shuffling inside
/// Salsa20/8; here the shuffles are transposes at the scratchpad boundary and Salsa20/8 stays shuffle-free.
/// </summary>
internal static class ScryptLaneRoMix
{
    /// <summary>N, Litecoin's cost parameter.</summary>
    public const int Cost = 1024;

    /// <summary>Words per lane in a block X (r = 1: 128 bytes).</summary>
    public const int BlockWords = 32;

    /// <summary>
    /// Words between two lanes' scratchpads: 32·N plus one spare block, so the lanes' blocks i fall in different cache
    /// sets (a stride of exactly 128 KiB maps all lanes' stores of one iteration to the same L1 and L2 sets; it measured
    /// about 6 % slower with AVX-512).
    /// </summary>
    public const int LaneStride = BlockWords * (Cost + 1);

    /// <summary>Words of the block buffer for <paramref name="lanes"/> lanes: X (32 words per lane) and Salsa20/8 scratch (16).</summary>
    public static int BufferWords(int lanes) => (BlockWords + 16) * lanes;

    /// <summary>Scratchpad words for <paramref name="lanes"/> lanes (about 128 KiB each).</summary>
    public static int ScratchpadWords(int lanes) => LaneStride * lanes;

    /// <summary>
    /// Mixes the interleaved block at <paramref name="x"/> (32·lanes words, followed by 16·lanes words of Salsa20/8
    /// scratch, <see cref="BufferWords"/> in all) in place, using the scratchpad at
    /// <paramref name="v"/> (<see cref="ScratchpadWords"/> words). Both must be whole buffers: no bounds checks here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Mix<TLanes>(ref uint x, ref uint v)
        where TLanes : struct, IScryptLanes
    {
        int lanes = TLanes.Count;
        int squares = BlockWords / lanes;
        ref uint secondHalf = ref Unsafe.Add(ref x, 16 * lanes);
        ref uint scratch = ref Unsafe.Add(ref x, BlockWords * lanes);
        Debug.Assert(lanes > 0 && BlockWords % lanes == 0, "A lane count divides the 32 words of a block.");

        // Step 2: V_i = X; X = BlockMix(X). For r = 1 BlockMix is two XOR-Salsa steps (pooler's scrypt.c scrypt_core).
        for (int i = 0; i < Cost; i++)
        {
            for (int square = 0; square < squares; square++)
            {
                TLanes.StoreTransposed(
                    ref Unsafe.Add(ref x, square * lanes * lanes),
                    ref Unsafe.Add(ref v, (i * BlockWords) + (square * lanes)),
                    LaneStride);
            }

            TLanes.XorSalsa(ref x, ref secondHalf, ref scratch);
            TLanes.XorSalsa(ref secondHalf, ref x, ref scratch);
        }

        // Step 3: X ^= V_j with j = Integerify(X) mod N (word 16 of each lane), then BlockMix.
        Span<nint> rows = stackalloc nint[lanes];
        for (int i = 0; i < Cost; i++)
        {
            for (int lane = 0; lane < lanes; lane++)
            {
                uint j = Unsafe.Add(ref secondHalf, lane) & (Cost - 1);
                rows[lane] = (lane * (nint)LaneStride) + ((nint)j * BlockWords);
            }

            for (int square = 0; square < squares; square++)
            {
                TLanes.XorTransposed(ref Unsafe.Add(ref x, square * lanes * lanes), ref Unsafe.Add(ref v, square * lanes), rows);
            }

            TLanes.XorSalsa(ref x, ref secondHalf, ref scratch);
            TLanes.XorSalsa(ref secondHalf, ref x, ref scratch);
        }
    }
}
