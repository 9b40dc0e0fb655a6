using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// scrypt (N = 1024, r = 1, p = 1) on AVX-512F: 16 nonces per register, word-interleaved, 16 × 128 KiB = 2 MiB of
/// scratchpad per scan. vprold rotates in one instruction, so a Salsa20/8 quarter-round step is add, rotate, xor.
/// </summary>
internal sealed class ScryptAvx512Engine : INonceScanner
{
    /// <summary>True when the CPU and runtime offer AVX-512F. Asked only by the engine catalog.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <inheritdoc />
    public string Name => "avx512";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Scrypt;

    /// <inheritdoc />
    public int Lanes => Avx512ScryptLanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        ScryptLaneScan.Scan<Vector512<uint>, Avx512ScryptLanes>(work, firstNonce, count, hits);
}

/// <summary>16 word-interleaved lanes with AVX-512F: vprold rotates in one instruction, vshufi32x4 moves 128-bit quarters.</summary>
internal readonly struct Avx512ScryptLanes : IScryptLanes, ILaneWords<Vector512<uint>>
{
    /// <inheritdoc />
    public static int Count => Vector512<uint>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void XorSalsa(ref uint b, ref uint x, ref uint scratch) => LaneSalsa208.XorSalsa<Vector512<uint>, Avx512ScryptLanes>(ref b, ref x);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreTransposed(ref uint words, ref uint rows, nint rowStride)
    {
        Transpose(
            Load(ref words, 0), Load(ref words, 1), Load(ref words, 2), Load(ref words, 3),
            Load(ref words, 4), Load(ref words, 5), Load(ref words, 6), Load(ref words, 7),
            Load(ref words, 8), Load(ref words, 9), Load(ref words, 10), Load(ref words, 11),
            Load(ref words, 12), Load(ref words, 13), Load(ref words, 14), Load(ref words, 15),
            out Vector512<uint> c00, out Vector512<uint> c01, out Vector512<uint> c02, out Vector512<uint> c03,
            out Vector512<uint> c04, out Vector512<uint> c05, out Vector512<uint> c06, out Vector512<uint> c07,
            out Vector512<uint> c08, out Vector512<uint> c09, out Vector512<uint> c10, out Vector512<uint> c11,
            out Vector512<uint> c12, out Vector512<uint> c13, out Vector512<uint> c14, out Vector512<uint> c15);
        c00.StoreUnsafe(ref rows, 0); c01.StoreUnsafe(ref rows, (nuint)rowStride);
        c02.StoreUnsafe(ref rows, (nuint)(2 * rowStride)); c03.StoreUnsafe(ref rows, (nuint)(3 * rowStride));
        c04.StoreUnsafe(ref rows, (nuint)(4 * rowStride)); c05.StoreUnsafe(ref rows, (nuint)(5 * rowStride));
        c06.StoreUnsafe(ref rows, (nuint)(6 * rowStride)); c07.StoreUnsafe(ref rows, (nuint)(7 * rowStride));
        c08.StoreUnsafe(ref rows, (nuint)(8 * rowStride)); c09.StoreUnsafe(ref rows, (nuint)(9 * rowStride));
        c10.StoreUnsafe(ref rows, (nuint)(10 * rowStride)); c11.StoreUnsafe(ref rows, (nuint)(11 * rowStride));
        c12.StoreUnsafe(ref rows, (nuint)(12 * rowStride)); c13.StoreUnsafe(ref rows, (nuint)(13 * rowStride));
        c14.StoreUnsafe(ref rows, (nuint)(14 * rowStride)); c15.StoreUnsafe(ref rows, (nuint)(15 * rowStride));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorTransposed(ref uint words, ref uint scratchpad, ReadOnlySpan<nint> rowOffsets)
    {
        Transpose(
            Row(ref scratchpad, rowOffsets[0]), Row(ref scratchpad, rowOffsets[1]), Row(ref scratchpad, rowOffsets[2]), Row(ref scratchpad, rowOffsets[3]),
            Row(ref scratchpad, rowOffsets[4]), Row(ref scratchpad, rowOffsets[5]), Row(ref scratchpad, rowOffsets[6]), Row(ref scratchpad, rowOffsets[7]),
            Row(ref scratchpad, rowOffsets[8]), Row(ref scratchpad, rowOffsets[9]), Row(ref scratchpad, rowOffsets[10]), Row(ref scratchpad, rowOffsets[11]),
            Row(ref scratchpad, rowOffsets[12]), Row(ref scratchpad, rowOffsets[13]), Row(ref scratchpad, rowOffsets[14]), Row(ref scratchpad, rowOffsets[15]),
            out Vector512<uint> w00, out Vector512<uint> w01, out Vector512<uint> w02, out Vector512<uint> w03,
            out Vector512<uint> w04, out Vector512<uint> w05, out Vector512<uint> w06, out Vector512<uint> w07,
            out Vector512<uint> w08, out Vector512<uint> w09, out Vector512<uint> w10, out Vector512<uint> w11,
            out Vector512<uint> w12, out Vector512<uint> w13, out Vector512<uint> w14, out Vector512<uint> w15);
        Store(Load(ref words, 0) ^ w00, ref words, 0); Store(Load(ref words, 1) ^ w01, ref words, 1);
        Store(Load(ref words, 2) ^ w02, ref words, 2); Store(Load(ref words, 3) ^ w03, ref words, 3);
        Store(Load(ref words, 4) ^ w04, ref words, 4); Store(Load(ref words, 5) ^ w05, ref words, 5);
        Store(Load(ref words, 6) ^ w06, ref words, 6); Store(Load(ref words, 7) ^ w07, ref words, 7);
        Store(Load(ref words, 8) ^ w08, ref words, 8); Store(Load(ref words, 9) ^ w09, ref words, 9);
        Store(Load(ref words, 10) ^ w10, ref words, 10); Store(Load(ref words, 11) ^ w11, ref words, 11);
        Store(Load(ref words, 12) ^ w12, ref words, 12); Store(Load(ref words, 13) ^ w13, ref words, 13);
        Store(Load(ref words, 14) ^ w14, ref words, 14); Store(Load(ref words, 15) ^ w15, ref words, 15);
    }

    /// <summary>
    /// 16 × 16 transpose of 32-bit words in four stages of 16 shuffles: interleave words (vpunpck*dq), then word pairs
    /// (vpunpck*qdq), then 128-bit quarters twice (vshufi32x4 with 0x88 = quarters 0,2 and 0xDD = quarters 1,3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector512<uint> r00, Vector512<uint> r01, Vector512<uint> r02, Vector512<uint> r03,
        Vector512<uint> r04, Vector512<uint> r05, Vector512<uint> r06, Vector512<uint> r07,
        Vector512<uint> r08, Vector512<uint> r09, Vector512<uint> r10, Vector512<uint> r11,
        Vector512<uint> r12, Vector512<uint> r13, Vector512<uint> r14, Vector512<uint> r15,
        out Vector512<uint> c00, out Vector512<uint> c01, out Vector512<uint> c02, out Vector512<uint> c03,
        out Vector512<uint> c04, out Vector512<uint> c05, out Vector512<uint> c06, out Vector512<uint> c07,
        out Vector512<uint> c08, out Vector512<uint> c09, out Vector512<uint> c10, out Vector512<uint> c11,
        out Vector512<uint> c12, out Vector512<uint> c13, out Vector512<uint> c14, out Vector512<uint> c15)
    {
        // Stage 1: t holds pairs (row 2m, row 2m+1) of words 4q+{0,1} (Low) or 4q+{2,3} (High) in quarter q.
        Vector512<ulong> t00 = Avx512F.UnpackLow(r00, r01).AsUInt64(), t01 = Avx512F.UnpackHigh(r00, r01).AsUInt64();
        Vector512<ulong> t02 = Avx512F.UnpackLow(r02, r03).AsUInt64(), t03 = Avx512F.UnpackHigh(r02, r03).AsUInt64();
        Vector512<ulong> t04 = Avx512F.UnpackLow(r04, r05).AsUInt64(), t05 = Avx512F.UnpackHigh(r04, r05).AsUInt64();
        Vector512<ulong> t06 = Avx512F.UnpackLow(r06, r07).AsUInt64(), t07 = Avx512F.UnpackHigh(r06, r07).AsUInt64();
        Vector512<ulong> t08 = Avx512F.UnpackLow(r08, r09).AsUInt64(), t09 = Avx512F.UnpackHigh(r08, r09).AsUInt64();
        Vector512<ulong> t10 = Avx512F.UnpackLow(r10, r11).AsUInt64(), t11 = Avx512F.UnpackHigh(r10, r11).AsUInt64();
        Vector512<ulong> t12 = Avx512F.UnpackLow(r12, r13).AsUInt64(), t13 = Avx512F.UnpackHigh(r12, r13).AsUInt64();
        Vector512<ulong> t14 = Avx512F.UnpackLow(r14, r15).AsUInt64(), t15 = Avx512F.UnpackHigh(r14, r15).AsUInt64();

        // Stage 2: u(4m + k) holds rows 4m..4m+3 of word 4q+k in quarter q.
        Vector512<int> u00 = Avx512F.UnpackLow(t00, t02).AsInt32(), u01 = Avx512F.UnpackHigh(t00, t02).AsInt32();
        Vector512<int> u02 = Avx512F.UnpackLow(t01, t03).AsInt32(), u03 = Avx512F.UnpackHigh(t01, t03).AsInt32();
        Vector512<int> u04 = Avx512F.UnpackLow(t04, t06).AsInt32(), u05 = Avx512F.UnpackHigh(t04, t06).AsInt32();
        Vector512<int> u06 = Avx512F.UnpackLow(t05, t07).AsInt32(), u07 = Avx512F.UnpackHigh(t05, t07).AsInt32();
        Vector512<int> u08 = Avx512F.UnpackLow(t08, t10).AsInt32(), u09 = Avx512F.UnpackHigh(t08, t10).AsInt32();
        Vector512<int> u10 = Avx512F.UnpackLow(t09, t11).AsInt32(), u11 = Avx512F.UnpackHigh(t09, t11).AsInt32();
        Vector512<int> u12 = Avx512F.UnpackLow(t12, t14).AsInt32(), u13 = Avx512F.UnpackHigh(t12, t14).AsInt32();
        Vector512<int> u14 = Avx512F.UnpackLow(t13, t15).AsInt32(), u15 = Avx512F.UnpackHigh(t13, t15).AsInt32();

        // Stages 3 and 4: gather quarter q of the four row groups, giving word 4q + k in full.
        Quarters(u00, u04, u08, u12, out c00, out c04, out c08, out c12);
        Quarters(u01, u05, u09, u13, out c01, out c05, out c09, out c13);
        Quarters(u02, u06, u10, u14, out c02, out c06, out c10, out c14);
        Quarters(u03, u07, u11, u15, out c03, out c07, out c11, out c15);
    }

    /// <summary>From four vectors a, b, c, d of quarters q0..q3, builds (a.q0 b.q0 c.q0 d.q0), (… q1 …), (… q2 …), (… q3 …).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarters(
        Vector512<int> a, Vector512<int> b, Vector512<int> c, Vector512<int> d,
        out Vector512<uint> q0, out Vector512<uint> q1, out Vector512<uint> q2, out Vector512<uint> q3)
    {
        Vector512<int> abEven = Avx512F.Shuffle4x128(a, b, 0x88), abOdd = Avx512F.Shuffle4x128(a, b, 0xDD);
        Vector512<int> cdEven = Avx512F.Shuffle4x128(c, d, 0x88), cdOdd = Avx512F.Shuffle4x128(c, d, 0xDD);
        q0 = Avx512F.Shuffle4x128(abEven, cdEven, 0x88).AsUInt32();
        q2 = Avx512F.Shuffle4x128(abEven, cdEven, 0xDD).AsUInt32();
        q1 = Avx512F.Shuffle4x128(abOdd, cdOdd, 0x88).AsUInt32();
        q3 = Avx512F.Shuffle4x128(abOdd, cdOdd, 0xDD).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Row(ref uint scratchpad, nint offset) => Vector512.LoadUnsafe(ref scratchpad, (nuint)offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(ref uint words, int index) =>
        Vector512.LoadUnsafe(ref words, (nuint)(index * Vector512<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, ref uint words, int index) =>
        value.StoreUnsafe(ref words, (nuint)(index * Vector512<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> left, Vector512<uint> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Xor(Vector512<uint> left, Vector512<uint> right) => left ^ right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> And(Vector512<uint> left, Vector512<uint> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Or(Vector512<uint> left, Vector512<uint> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> ShiftRight(Vector512<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) => value >>> count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft(Vector512<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.RotateLeft(value, count);
}
