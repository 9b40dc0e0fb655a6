using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// sha256d on AVX-512F: 16 nonces per register. vprord rotates in one instruction and vpternlogd computes any
/// three-input bitwise function in one, so Σ/σ cost two instructions and Ch/Maj one (as in cpuminer-opt's
/// sha256-hash-4way.c AVX-512 path).
/// </summary>
internal sealed class Sha256dAvx512Engine : INonceScanner
{
    /// <summary>True when the CPU and runtime offer AVX-512F. Asked only by <see cref="EngineCatalog"/>.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <inheritdoc />
    public string Name => "avx512";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Sha256d;

    /// <inheritdoc />
    public int Lanes => Avx512Sha256Lanes.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        Sha256dLaneScan.Scan<Sha256dLaneKernel<Vector512<uint>, Avx512Sha256Lanes>>(work, firstNonce, count, hits);
}

/// <summary>SHA-256 word operations on 16 lanes with AVX-512F.</summary>
internal readonly struct Avx512Sha256Lanes : ISha256Lanes<Vector512<uint>>
{
    // vpternlogd truth tables (Intel SDM, VPTERNLOGD): bit (4a + 2b + c) of the immediate is f(a, b, c).
    private const byte Xor3 = 0x96;
    private const byte Select = 0xCA;
    private const byte Majority3 = 0xE8;

    /// <inheritdoc />
    public static int Count => Vector512<uint>.Count;

    /// <inheritdoc />
    public static Vector512<uint> Indices => Vector512<uint>.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => Avx512F.Add(x, y);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> BigSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 2), Avx512F.RotateRight(x, 13), Avx512F.RotateRight(x, 22), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> BigSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 6), Avx512F.RotateRight(x, 11), Avx512F.RotateRight(x, 25), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 7), Avx512F.RotateRight(x, 18), Avx512F.ShiftRightLogical(x, 3), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 17), Avx512F.RotateRight(x, 19), Avx512F.ShiftRightLogical(x, 10), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Choose(Vector512<uint> e, Vector512<uint> f, Vector512<uint> g) => Avx512F.TernaryLogic(e, f, g, Select);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Majority(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c) => Avx512F.TernaryLogic(a, b, c, Majority3);

    /// <inheritdoc />
    /// <remarks>AVX-512F has no byte shuffle (that is AVX-512BW): bytes 3 and 1 come from ROTR8, bytes 2 and 0 from ROTL8.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> ByteSwap(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Vector512.Create(0xFF00FF00u), Avx512F.RotateRight(x, 8), Avx512F.RotateLeft(x, 8), Select);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyAtOrBelow(Vector512<uint> x, Vector512<uint> limit) => Vector512.LessThanOrEqualAny(x, limit);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AtOrBelowMask(Vector512<uint> x, Vector512<uint> limit) =>
        (uint)Vector512.LessThanOrEqual(x, limit).ExtractMostSignificantBits();
}
