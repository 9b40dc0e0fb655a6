using System.Diagnostics.CodeAnalysis;
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
    public static Vector128<uint> BigSigma0(Vector128<uint> x) => RotateRight(x, 2) ^ RotateRight(x, 13) ^ RotateRight(x, 22);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> BigSigma1(Vector128<uint> x) => RotateRight(x, 6) ^ RotateRight(x, 11) ^ RotateRight(x, 25);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> SmallSigma0(Vector128<uint> x) => RotateRight(x, 7) ^ RotateRight(x, 18) ^ (x >>> 3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> SmallSigma1(Vector128<uint> x) => RotateRight(x, 17) ^ RotateRight(x, 19) ^ (x >>> 10);

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

    /// <summary>
    /// Two instructions on NEON (SHL, then SRI inserts x >> n under the shifted bits); two shifts and an OR elsewhere.
    /// The AdvSimd test is a JIT-time constant choosing instructions inside this engine, not an engine choice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> RotateRight(Vector128<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n) =>
        AdvSimd.IsSupported ? AdvSimd.ShiftRightAndInsert(x << (32 - n), x, n) : (x >>> n) | (x << (32 - n));
}
