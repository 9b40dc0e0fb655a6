using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// scrypt (N = 1024, r = 1, p = 1) on AVX2: 8 nonces per register, word-interleaved, 8 × 128 KiB = 1 MiB of
/// scratchpad per scan. (pooler cpuminer's AVX2 scrypt_core_6way instead holds two nonces per register, one per
/// 128-bit half, three registers deep; see ScryptLaneRoMix for why the layout here differs.)
/// </summary>
internal sealed class ScryptAvx2Engine : INonceScanner
{
    /// <summary>True when the CPU and runtime offer AVX2. Asked only by the engine catalog.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public string Name => "avx2";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Scrypt;

    /// <inheritdoc />
    public int Lanes => Avx2ScryptLanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        ScryptLaneScan.Scan<Vector256<uint>, Avx2ScryptLanes>(work, firstNonce, count, hits);
}

/// <summary>
/// 8 word-interleaved lanes with AVX2. A rotate is two shifts and an or, unless AVX-512VL offers vprold on 256-bit
/// registers and 32 of them (JIT-time constants, so each machine gets one straight-line path).
/// </summary>
internal readonly struct Avx2ScryptLanes : IScryptLanes, ILaneWords<Vector256<uint>>
{
    /// <inheritdoc />
    public static int Count => Vector256<uint>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void XorSalsa(ref uint b, ref uint x, ref uint scratch)
    {
        // With 32 registers (AVX-512VL's EVEX encoding, NEON) the state stays in registers; with 16 it lives in scratch.
        if (Avx512F.VL.IsSupported)
        {
            LaneSalsa208.XorSalsa<Vector256<uint>, Avx2ScryptLanes>(ref b, ref x);
        }
        else
        {
            LaneSalsa208.XorSalsaInMemory<Vector256<uint>, Avx2ScryptLanes>(ref b, ref x, ref scratch);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreTransposed(ref uint words, ref uint rows, nint rowStride)
    {
        Transpose(
            Load(ref words, 0), Load(ref words, 1), Load(ref words, 2), Load(ref words, 3),
            Load(ref words, 4), Load(ref words, 5), Load(ref words, 6), Load(ref words, 7),
            out Vector256<uint> c0, out Vector256<uint> c1, out Vector256<uint> c2, out Vector256<uint> c3,
            out Vector256<uint> c4, out Vector256<uint> c5, out Vector256<uint> c6, out Vector256<uint> c7);
        c0.StoreUnsafe(ref rows, 0); c1.StoreUnsafe(ref rows, (nuint)rowStride);
        c2.StoreUnsafe(ref rows, (nuint)(2 * rowStride)); c3.StoreUnsafe(ref rows, (nuint)(3 * rowStride));
        c4.StoreUnsafe(ref rows, (nuint)(4 * rowStride)); c5.StoreUnsafe(ref rows, (nuint)(5 * rowStride));
        c6.StoreUnsafe(ref rows, (nuint)(6 * rowStride)); c7.StoreUnsafe(ref rows, (nuint)(7 * rowStride));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorTransposed(ref uint words, ref uint scratchpad, ReadOnlySpan<nint> rowOffsets)
    {
        Transpose(
            Row(ref scratchpad, rowOffsets[0]), Row(ref scratchpad, rowOffsets[1]), Row(ref scratchpad, rowOffsets[2]), Row(ref scratchpad, rowOffsets[3]),
            Row(ref scratchpad, rowOffsets[4]), Row(ref scratchpad, rowOffsets[5]), Row(ref scratchpad, rowOffsets[6]), Row(ref scratchpad, rowOffsets[7]),
            out Vector256<uint> w0, out Vector256<uint> w1, out Vector256<uint> w2, out Vector256<uint> w3,
            out Vector256<uint> w4, out Vector256<uint> w5, out Vector256<uint> w6, out Vector256<uint> w7);
        Store(Load(ref words, 0) ^ w0, ref words, 0); Store(Load(ref words, 1) ^ w1, ref words, 1);
        Store(Load(ref words, 2) ^ w2, ref words, 2); Store(Load(ref words, 3) ^ w3, ref words, 3);
        Store(Load(ref words, 4) ^ w4, ref words, 4); Store(Load(ref words, 5) ^ w5, ref words, 5);
        Store(Load(ref words, 6) ^ w6, ref words, 6); Store(Load(ref words, 7) ^ w7, ref words, 7);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ref uint words, int index) =>
        Vector256.LoadUnsafe(ref words, (nuint)(index * Vector256<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, ref uint words, int index) =>
        value.StoreUnsafe(ref words, (nuint)(index * Vector256<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> left, Vector256<uint> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor(Vector256<uint> left, Vector256<uint> right) => left ^ right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> And(Vector256<uint> left, Vector256<uint> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Or(Vector256<uint> left, Vector256<uint> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> ShiftRight(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) => value >>> count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(value, count) : (value << count) | (value >>> (32 - count));

    /// <summary>
    /// 8 × 8 transpose of 32-bit words in three stages of 8 shuffles: interleave words (vpunpck*dq), word pairs
    /// (vpunpck*qdq), then 128-bit halves (vperm2i128 with 0x20 = both low halves, 0x31 = both high halves).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector256<uint> r0, Vector256<uint> r1, Vector256<uint> r2, Vector256<uint> r3,
        Vector256<uint> r4, Vector256<uint> r5, Vector256<uint> r6, Vector256<uint> r7,
        out Vector256<uint> c0, out Vector256<uint> c1, out Vector256<uint> c2, out Vector256<uint> c3,
        out Vector256<uint> c4, out Vector256<uint> c5, out Vector256<uint> c6, out Vector256<uint> c7)
    {
        Vector256<ulong> t0 = Avx2.UnpackLow(r0, r1).AsUInt64(), t1 = Avx2.UnpackHigh(r0, r1).AsUInt64();
        Vector256<ulong> t2 = Avx2.UnpackLow(r2, r3).AsUInt64(), t3 = Avx2.UnpackHigh(r2, r3).AsUInt64();
        Vector256<ulong> t4 = Avx2.UnpackLow(r4, r5).AsUInt64(), t5 = Avx2.UnpackHigh(r4, r5).AsUInt64();
        Vector256<ulong> t6 = Avx2.UnpackLow(r6, r7).AsUInt64(), t7 = Avx2.UnpackHigh(r6, r7).AsUInt64();

        // u(4m + k) holds rows 4m..4m+3 of word k in its low half and of word 4 + k in its high half.
        Vector256<uint> u0 = Avx2.UnpackLow(t0, t2).AsUInt32(), u1 = Avx2.UnpackHigh(t0, t2).AsUInt32();
        Vector256<uint> u2 = Avx2.UnpackLow(t1, t3).AsUInt32(), u3 = Avx2.UnpackHigh(t1, t3).AsUInt32();
        Vector256<uint> u4 = Avx2.UnpackLow(t4, t6).AsUInt32(), u5 = Avx2.UnpackHigh(t4, t6).AsUInt32();
        Vector256<uint> u6 = Avx2.UnpackLow(t5, t7).AsUInt32(), u7 = Avx2.UnpackHigh(t5, t7).AsUInt32();

        c0 = Avx2.Permute2x128(u0, u4, 0x20); c4 = Avx2.Permute2x128(u0, u4, 0x31);
        c1 = Avx2.Permute2x128(u1, u5, 0x20); c5 = Avx2.Permute2x128(u1, u5, 0x31);
        c2 = Avx2.Permute2x128(u2, u6, 0x20); c6 = Avx2.Permute2x128(u2, u6, 0x31);
        c3 = Avx2.Permute2x128(u3, u7, 0x20); c7 = Avx2.Permute2x128(u3, u7, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Row(ref uint scratchpad, nint offset) => Vector256.LoadUnsafe(ref scratchpad, (nuint)offset);
}
