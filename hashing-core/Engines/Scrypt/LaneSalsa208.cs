using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// Salsa20/8 (RFC 7914 §3) on word-interleaved lanes: the same quarter-round sequence as the portable
/// <see cref="Salsa208"/>, with every uint replaced by a vector holding that word for every lane.
/// </summary>
internal static class LaneSalsa208
{
    /// <summary>
    /// b = Salsa20/8(b xor x) on every lane; b and x each start sixteen consecutive vectors. The sixteen state words
    /// stay in registers, which needs an ISA with 32 of them (AVX-512, NEON); see <see cref="XorSalsaInMemory"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorSalsa<TVector, TWords>(ref uint b, ref uint x)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector>
    {
        TVector x00 = Input<TVector, TWords>(ref b, ref x, 0), x01 = Input<TVector, TWords>(ref b, ref x, 1);
        TVector x02 = Input<TVector, TWords>(ref b, ref x, 2), x03 = Input<TVector, TWords>(ref b, ref x, 3);
        TVector x04 = Input<TVector, TWords>(ref b, ref x, 4), x05 = Input<TVector, TWords>(ref b, ref x, 5);
        TVector x06 = Input<TVector, TWords>(ref b, ref x, 6), x07 = Input<TVector, TWords>(ref b, ref x, 7);
        TVector x08 = Input<TVector, TWords>(ref b, ref x, 8), x09 = Input<TVector, TWords>(ref b, ref x, 9);
        TVector x10 = Input<TVector, TWords>(ref b, ref x, 10), x11 = Input<TVector, TWords>(ref b, ref x, 11);
        TVector x12 = Input<TVector, TWords>(ref b, ref x, 12), x13 = Input<TVector, TWords>(ref b, ref x, 13);
        TVector x14 = Input<TVector, TWords>(ref b, ref x, 14), x15 = Input<TVector, TWords>(ref b, ref x, 15);

        for (int doubleRound = 0; doubleRound < 4; doubleRound++)
        {
            // Column round: quarter-rounds on (0,4,8,12), (5,9,13,1), (10,14,2,6), (15,3,7,11).
            x04 = TWords.Xor(x04, TWords.RotateLeft(TWords.Add(x00, x12), 7));
            x09 = TWords.Xor(x09, TWords.RotateLeft(TWords.Add(x05, x01), 7));
            x14 = TWords.Xor(x14, TWords.RotateLeft(TWords.Add(x10, x06), 7));
            x03 = TWords.Xor(x03, TWords.RotateLeft(TWords.Add(x15, x11), 7));
            x08 = TWords.Xor(x08, TWords.RotateLeft(TWords.Add(x04, x00), 9));
            x13 = TWords.Xor(x13, TWords.RotateLeft(TWords.Add(x09, x05), 9));
            x02 = TWords.Xor(x02, TWords.RotateLeft(TWords.Add(x14, x10), 9));
            x07 = TWords.Xor(x07, TWords.RotateLeft(TWords.Add(x03, x15), 9));
            x12 = TWords.Xor(x12, TWords.RotateLeft(TWords.Add(x08, x04), 13));
            x01 = TWords.Xor(x01, TWords.RotateLeft(TWords.Add(x13, x09), 13));
            x06 = TWords.Xor(x06, TWords.RotateLeft(TWords.Add(x02, x14), 13));
            x11 = TWords.Xor(x11, TWords.RotateLeft(TWords.Add(x07, x03), 13));
            x00 = TWords.Xor(x00, TWords.RotateLeft(TWords.Add(x12, x08), 18));
            x05 = TWords.Xor(x05, TWords.RotateLeft(TWords.Add(x01, x13), 18));
            x10 = TWords.Xor(x10, TWords.RotateLeft(TWords.Add(x06, x02), 18));
            x15 = TWords.Xor(x15, TWords.RotateLeft(TWords.Add(x11, x07), 18));

            // Row round: quarter-rounds on (0,1,2,3), (5,6,7,4), (10,11,8,9), (15,12,13,14).
            x01 = TWords.Xor(x01, TWords.RotateLeft(TWords.Add(x00, x03), 7));
            x06 = TWords.Xor(x06, TWords.RotateLeft(TWords.Add(x05, x04), 7));
            x11 = TWords.Xor(x11, TWords.RotateLeft(TWords.Add(x10, x09), 7));
            x12 = TWords.Xor(x12, TWords.RotateLeft(TWords.Add(x15, x14), 7));
            x02 = TWords.Xor(x02, TWords.RotateLeft(TWords.Add(x01, x00), 9));
            x07 = TWords.Xor(x07, TWords.RotateLeft(TWords.Add(x06, x05), 9));
            x08 = TWords.Xor(x08, TWords.RotateLeft(TWords.Add(x11, x10), 9));
            x13 = TWords.Xor(x13, TWords.RotateLeft(TWords.Add(x12, x15), 9));
            x03 = TWords.Xor(x03, TWords.RotateLeft(TWords.Add(x02, x01), 13));
            x04 = TWords.Xor(x04, TWords.RotateLeft(TWords.Add(x07, x06), 13));
            x09 = TWords.Xor(x09, TWords.RotateLeft(TWords.Add(x08, x11), 13));
            x14 = TWords.Xor(x14, TWords.RotateLeft(TWords.Add(x13, x12), 13));
            x00 = TWords.Xor(x00, TWords.RotateLeft(TWords.Add(x03, x02), 18));
            x05 = TWords.Xor(x05, TWords.RotateLeft(TWords.Add(x04, x07), 18));
            x10 = TWords.Xor(x10, TWords.RotateLeft(TWords.Add(x09, x08), 18));
            x15 = TWords.Xor(x15, TWords.RotateLeft(TWords.Add(x14, x13), 18));
        }

        // The feed-forward adds the input again, reloaded from b xor x (both still in memory): sixteen input vectors
        // kept live beside the sixteen state words would fill all 32 registers and leave none for temporaries.
        TWords.Store(TWords.Add(x00, Input<TVector, TWords>(ref b, ref x, 0)), ref b, 0); TWords.Store(TWords.Add(x01, Input<TVector, TWords>(ref b, ref x, 1)), ref b, 1);
        TWords.Store(TWords.Add(x02, Input<TVector, TWords>(ref b, ref x, 2)), ref b, 2); TWords.Store(TWords.Add(x03, Input<TVector, TWords>(ref b, ref x, 3)), ref b, 3);
        TWords.Store(TWords.Add(x04, Input<TVector, TWords>(ref b, ref x, 4)), ref b, 4); TWords.Store(TWords.Add(x05, Input<TVector, TWords>(ref b, ref x, 5)), ref b, 5);
        TWords.Store(TWords.Add(x06, Input<TVector, TWords>(ref b, ref x, 6)), ref b, 6); TWords.Store(TWords.Add(x07, Input<TVector, TWords>(ref b, ref x, 7)), ref b, 7);
        TWords.Store(TWords.Add(x08, Input<TVector, TWords>(ref b, ref x, 8)), ref b, 8); TWords.Store(TWords.Add(x09, Input<TVector, TWords>(ref b, ref x, 9)), ref b, 9);
        TWords.Store(TWords.Add(x10, Input<TVector, TWords>(ref b, ref x, 10)), ref b, 10); TWords.Store(TWords.Add(x11, Input<TVector, TWords>(ref b, ref x, 11)), ref b, 11);
        TWords.Store(TWords.Add(x12, Input<TVector, TWords>(ref b, ref x, 12)), ref b, 12); TWords.Store(TWords.Add(x13, Input<TVector, TWords>(ref b, ref x, 13)), ref b, 13);
        TWords.Store(TWords.Add(x14, Input<TVector, TWords>(ref b, ref x, 14)), ref b, 14); TWords.Store(TWords.Add(x15, Input<TVector, TWords>(ref b, ref x, 15)), ref b, 15);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Input<TVector, TWords>(ref uint b, ref uint x, int index)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector> =>
        TWords.Xor(TWords.Load(ref b, index), TWords.Load(ref x, index));

    /// <summary>
    /// b = Salsa20/8(b xor x) for ISAs with 16 vector registers (AVX2 without AVX-512, SSE2), where sixteen live state
    /// words make the JIT spill on every step: the state lives in <paramref name="scratch"/> (sixteen vectors) and
    /// each half round runs two quarter-rounds at a time on eight loaded words, which fit with their temporaries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorSalsaInMemory<TVector, TWords>(ref uint b, ref uint x, ref uint scratch)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector>
    {
        for (int k = 0; k < 16; k++)
        {
            TVector input = Input<TVector, TWords>(ref b, ref x, k);
            TWords.Store(input, ref b, k);
            TWords.Store(input, ref scratch, k);
        }

        for (int doubleRound = 0; doubleRound < 4; doubleRound++)
        {
            // Column round: (0,4,8,12) with (5,9,13,1), then (10,14,2,6) with (15,3,7,11).
            QuarterRounds<TVector, TWords>(ref scratch, 0, 4, 8, 12, 5, 9, 13, 1);
            QuarterRounds<TVector, TWords>(ref scratch, 10, 14, 2, 6, 15, 3, 7, 11);

            // Row round: (0,1,2,3) with (5,6,7,4), then (10,11,8,9) with (15,12,13,14).
            QuarterRounds<TVector, TWords>(ref scratch, 0, 1, 2, 3, 5, 6, 7, 4);
            QuarterRounds<TVector, TWords>(ref scratch, 10, 11, 8, 9, 15, 12, 13, 14);
        }

        for (int k = 0; k < 16; k++)
        {
            TWords.Store(TWords.Add(TWords.Load(ref scratch, k), TWords.Load(ref b, k)), ref b, k);
        }
    }

    /// <summary>Two interleaved Salsa20 quarter-rounds (a, b, c, d): b ^= (a+d)⋘7, c ^= (b+a)⋘9, d ^= (c+b)⋘13, a ^= (d+c)⋘18.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void QuarterRounds<TVector, TWords>(ref uint state, int a0, int b0, int c0, int d0, int a1, int b1, int c1, int d1)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector>
    {
        TVector ya = TWords.Load(ref state, a0), yb = TWords.Load(ref state, b0), yc = TWords.Load(ref state, c0), yd = TWords.Load(ref state, d0);
        TVector za = TWords.Load(ref state, a1), zb = TWords.Load(ref state, b1), zc = TWords.Load(ref state, c1), zd = TWords.Load(ref state, d1);
        yb = TWords.Xor(yb, TWords.RotateLeft(TWords.Add(ya, yd), 7));
        zb = TWords.Xor(zb, TWords.RotateLeft(TWords.Add(za, zd), 7));
        yc = TWords.Xor(yc, TWords.RotateLeft(TWords.Add(yb, ya), 9));
        zc = TWords.Xor(zc, TWords.RotateLeft(TWords.Add(zb, za), 9));
        yd = TWords.Xor(yd, TWords.RotateLeft(TWords.Add(yc, yb), 13));
        zd = TWords.Xor(zd, TWords.RotateLeft(TWords.Add(zc, zb), 13));
        ya = TWords.Xor(ya, TWords.RotateLeft(TWords.Add(yd, yc), 18));
        za = TWords.Xor(za, TWords.RotateLeft(TWords.Add(zd, zc), 18));
        TWords.Store(ya, ref state, a0); TWords.Store(yb, ref state, b0); TWords.Store(yc, ref state, c0); TWords.Store(yd, ref state, d0);
        TWords.Store(za, ref state, a1); TWords.Store(zb, ref state, b1); TWords.Store(zc, ref state, c1); TWords.Store(zd, ref state, d1);
    }
}
