using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// scrypt (N = 1024, r = 1, p = 1) on 128-bit vectors: 4 nonces per register, word-interleaved, 4 × 128 KiB of
/// scratchpad per scan. SSE2 on x86 ("vector128"); NEON on ARM64 ("neon"), the Raspberry Pi path.
/// </summary>
internal sealed class ScryptVector128Engine : INonceScanner
{
    /// <summary>True on x86 with SSE2 and on ARM64 with AdvSimd. Asked only by the engine catalog.</summary>
    public static bool IsSupported => Sse2.IsSupported || AdvSimd.Arm64.IsSupported;

    /// <inheritdoc />
    public string Name { get; } = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "neon" : "vector128";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Scrypt;

    /// <inheritdoc />
    public int Lanes => Vector128ScryptLanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        ScryptLaneScan.Scan<Vector128<uint>, Vector128ScryptLanes>(work, firstNonce, count, hits);
}

/// <summary>
/// 4 word-interleaved lanes on 128-bit vectors. Rotations: vprold with AVX-512VL, shift-left-and-insert (SLI) on
/// NEON, two shifts and an or otherwise. Transposes: unpack (SSE2) or zip (NEON), which interleave identically.
/// </summary>
internal readonly struct Vector128ScryptLanes : IScryptLanes, ILaneWords<Vector128<uint>>
{
    /// <inheritdoc />
    public static int Count => Vector128<uint>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void XorSalsa(ref uint b, ref uint x, ref uint scratch)
    {
        // With 32 registers (AVX-512VL's EVEX encoding, NEON) the state stays in registers; with 16 it lives in scratch.
        if (Avx512F.VL.IsSupported || AdvSimd.IsSupported)
        {
            LaneSalsa208.XorSalsa<Vector128<uint>, Vector128ScryptLanes>(ref b, ref x);
        }
        else
        {
            LaneSalsa208.XorSalsaInMemory<Vector128<uint>, Vector128ScryptLanes>(ref b, ref x, ref scratch);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreTransposed(ref uint words, ref uint rows, nint rowStride)
    {
        Transpose(
            Load(ref words, 0), Load(ref words, 1), Load(ref words, 2), Load(ref words, 3),
            out Vector128<uint> c0, out Vector128<uint> c1, out Vector128<uint> c2, out Vector128<uint> c3);
        c0.StoreUnsafe(ref rows, 0);
        c1.StoreUnsafe(ref rows, (nuint)rowStride);
        c2.StoreUnsafe(ref rows, (nuint)(2 * rowStride));
        c3.StoreUnsafe(ref rows, (nuint)(3 * rowStride));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorTransposed(ref uint words, ref uint scratchpad, ReadOnlySpan<nint> rowOffsets)
    {
        Transpose(
            Row(ref scratchpad, rowOffsets[0]), Row(ref scratchpad, rowOffsets[1]),
            Row(ref scratchpad, rowOffsets[2]), Row(ref scratchpad, rowOffsets[3]),
            out Vector128<uint> w0, out Vector128<uint> w1, out Vector128<uint> w2, out Vector128<uint> w3);
        Store(Load(ref words, 0) ^ w0, ref words, 0);
        Store(Load(ref words, 1) ^ w1, ref words, 1);
        Store(Load(ref words, 2) ^ w2, ref words, 2);
        Store(Load(ref words, 3) ^ w3, ref words, 3);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Load(ref uint words, int index) =>
        Vector128.LoadUnsafe(ref words, (nuint)(index * Vector128<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<uint> value, ref uint words, int index) =>
        value.StoreUnsafe(ref words, (nuint)(index * Vector128<uint>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Broadcast(uint value) => Vector128.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Add(Vector128<uint> left, Vector128<uint> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Xor(Vector128<uint> left, Vector128<uint> right) => left ^ right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> And(Vector128<uint> left, Vector128<uint> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Or(Vector128<uint> left, Vector128<uint> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> ShiftRight(Vector128<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) => value >>> count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft(Vector128<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(value, count)
        : AdvSimd.IsSupported ? AdvSimd.ShiftLeftAndInsert(value >>> (32 - count), value, count)
        : (value << count) | (value >>> (32 - count));

    /// <summary>4 × 4 transpose of 32-bit words: interleave words, then word pairs (SSE2 punpck*, NEON zip1/zip2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector128<uint> r0, Vector128<uint> r1, Vector128<uint> r2, Vector128<uint> r3,
        out Vector128<uint> c0, out Vector128<uint> c1, out Vector128<uint> c2, out Vector128<uint> c3)
    {
        Vector128<ulong> t0 = InterleaveLow(r0, r1).AsUInt64(), t1 = InterleaveHigh(r0, r1).AsUInt64();
        Vector128<ulong> t2 = InterleaveLow(r2, r3).AsUInt64(), t3 = InterleaveHigh(r2, r3).AsUInt64();
        c0 = InterleaveLow(t0, t2).AsUInt32();
        c1 = InterleaveHigh(t0, t2).AsUInt32();
        c2 = InterleaveLow(t1, t3).AsUInt32();
        c3 = InterleaveHigh(t1, t3).AsUInt32();
    }

    /// <summary>(a0, b0, a1, b1): the low halves of <paramref name="a"/> and <paramref name="b"/>, element by element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> InterleaveLow(Vector128<uint> a, Vector128<uint> b) =>
        Sse2.IsSupported ? Sse2.UnpackLow(a, b) : AdvSimd.Arm64.ZipLow(a, b);

    /// <summary>(a2, b2, a3, b3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> InterleaveHigh(Vector128<uint> a, Vector128<uint> b) =>
        Sse2.IsSupported ? Sse2.UnpackHigh(a, b) : AdvSimd.Arm64.ZipHigh(a, b);

    /// <summary>(a0, b0): the low 64-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> InterleaveLow(Vector128<ulong> a, Vector128<ulong> b) =>
        Sse2.IsSupported ? Sse2.UnpackLow(a, b) : AdvSimd.Arm64.ZipLow(a, b);

    /// <summary>(a1, b1): the high 64-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> InterleaveHigh(Vector128<ulong> a, Vector128<ulong> b) =>
        Sse2.IsSupported ? Sse2.UnpackHigh(a, b) : AdvSimd.Arm64.ZipHigh(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Row(ref uint scratchpad, nint offset) => Vector128.LoadUnsafe(ref scratchpad, (nuint)offset);
}
