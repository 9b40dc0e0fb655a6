using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// sha256d on any 128-bit SIMD unit, 4 nonces per register: SSE2 on x86 (pooler cpuminer's sha256d_ms_4way width)
/// and NEON (AdvSimd) on ARM64, where it is the Raspberry Pi 4 path (Cortex-A72 has NEON but no SHA-2 instructions).
/// Named "neon" on ARM64 and "vector128" elsewhere.
/// </summary>
/// <remarks>
/// A rotation is two instructions on NEON (SHL, then SRI inserts x &gt;&gt; n under the shifted bits) and two shifts
/// and an OR elsewhere; the AdvSimd test is a JIT-time constant that picks instructions inside this engine, not an
/// engine choice. The rotations are written out rather than calling a helper so the kernel's rounds fit the JIT's
/// inlining budget.
/// </remarks>
internal sealed class Sha256dVector128Engine : INonceScanner
{
    /// <summary>True when the runtime accelerates Vector128. Asked only by <see cref="EngineCatalog"/>.</summary>
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public string Name { get; } = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "neon" : "vector128";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Sha256d;

    /// <inheritdoc />
    public int Lanes => Vector128Sha256Lanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        Sha256dLaneScan.Scan<Sha256dLaneKernel<Vector128<uint>, Vector128Sha256Lanes>>(work, firstNonce, count, hits);
}

/// <summary>SHA-256 word operations on 4 lanes with the portable Vector128 API.</summary>
internal readonly struct Vector128Sha256Lanes : ISha256Lanes<Vector128<uint>>
{
    /// <inheritdoc />
    public static int Count => Vector128<uint>.Count;

    /// <inheritdoc />
    public static Vector128<uint> Indices => Vector128<uint>.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Broadcast(uint value) => Vector128.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Add(Vector128<uint> x, Vector128<uint> y) => x + y;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> BigSigma0(Vector128<uint> x) => AdvSimd.IsSupported
        ? AdvSimd.ShiftRightAndInsert(x << 30, x, 2) ^ AdvSimd.ShiftRightAndInsert(x << 19, x, 13) ^ AdvSimd.ShiftRightAndInsert(x << 10, x, 22)
        : ((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> BigSigma1(Vector128<uint> x) => AdvSimd.IsSupported
        ? AdvSimd.ShiftRightAndInsert(x << 26, x, 6) ^ AdvSimd.ShiftRightAndInsert(x << 21, x, 11) ^ AdvSimd.ShiftRightAndInsert(x << 7, x, 25)
        : ((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> SmallSigma0(Vector128<uint> x) => AdvSimd.IsSupported
        ? AdvSimd.ShiftRightAndInsert(x << 25, x, 7) ^ AdvSimd.ShiftRightAndInsert(x << 14, x, 18) ^ (x >>> 3)
        : ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> SmallSigma1(Vector128<uint> x) => AdvSimd.IsSupported
        ? AdvSimd.ShiftRightAndInsert(x << 15, x, 17) ^ AdvSimd.ShiftRightAndInsert(x << 13, x, 19) ^ (x >>> 10)
        : ((x >>> 17) | (x << 15)) ^ ((x >>> 19) | (x << 13)) ^ (x >>> 10);

    /// <inheritdoc />
    /// <remarks>A bitwise select: one BSL on NEON.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Choose(Vector128<uint> e, Vector128<uint> f, Vector128<uint> g) => Vector128.ConditionalSelect(e, f, g);

    /// <inheritdoc />
    /// <remarks>Where a and b differ c decides, elsewhere b: an EOR and a BSL on NEON.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Majority(Vector128<uint> a, Vector128<uint> b, Vector128<uint> c) => Vector128.ConditionalSelect(a ^ b, c, b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> ByteSwap(Vector128<uint> x) =>
        Vector128.Shuffle(x.AsByte(), Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)).AsUInt32();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyAtOrBelow(Vector128<uint> x, Vector128<uint> limit) => Vector128.LessThanOrEqualAny(x, limit);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AtOrBelowMask(Vector128<uint> x, Vector128<uint> limit) => Vector128.LessThanOrEqual(x, limit).ExtractMostSignificantBits();

}
