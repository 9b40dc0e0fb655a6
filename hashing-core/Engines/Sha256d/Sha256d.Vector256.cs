using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// sha256d on AVX2: 8 nonces per register, the width of pooler cpuminer's sha256d_ms_8way (sha2-x64.S).
/// AVX2 has no rotate, so each rotation is two shifts and an OR. The rotations are written out rather than
/// calling a helper: every helper call is one more inlinee, and the kernel needs the JIT's inlining budget for its rounds.
/// </summary>
internal sealed class Sha256dAvx2Engine : INonceScanner
{
    /// <summary>True when the CPU and runtime offer AVX2. Asked only by <see cref="EngineCatalog"/>.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public string Name => "avx2";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Sha256d;

    /// <inheritdoc />
    public int Lanes => Avx2Sha256Lanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        Sha256dLaneScan.Scan<Sha256dLaneKernel<Vector256<uint>, Avx2Sha256Lanes>>(work, firstNonce, count, hits);
}

/// <summary>SHA-256 word operations on 8 lanes (Vector256, which the JIT compiles to AVX2).</summary>
internal readonly struct Avx2Sha256Lanes : ISha256Lanes<Vector256<uint>>
{
    /// <inheritdoc />
    public static int Count => Vector256<uint>.Count;

    /// <inheritdoc />
    public static Vector256<uint> Indices => Vector256<uint>.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => x + y;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) => ((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) => ((x >>> 6) | (x << 26)) ^ ((x >>> 11) | (x << 21)) ^ ((x >>> 25) | (x << 7));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => ((x >>> 17) | (x << 15)) ^ ((x >>> 19) | (x << 13)) ^ (x >>> 10);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => ((f ^ g) & e) ^ g;

    /// <inheritdoc />
    /// <remarks>b ^ ((a ^ b) &amp; (b ^ c)): the next round's b ^ c is this round's a ^ b, which the JIT reuses.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => ((a ^ b) & (b ^ c)) ^ b;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> ByteSwap(Vector256<uint> x) =>
        Vector256.Shuffle(x.AsByte(), Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 19, 18, 17, 16, 23, 22, 21, 20, 27, 26, 25, 24, 31, 30, 29, 28)).AsUInt32();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyAtOrBelow(Vector256<uint> x, Vector256<uint> limit) => Vector256.LessThanOrEqualAny(x, limit);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AtOrBelowMask(Vector256<uint> x, Vector256<uint> limit) => Vector256.LessThanOrEqual(x, limit).ExtractMostSignificantBits();

}
