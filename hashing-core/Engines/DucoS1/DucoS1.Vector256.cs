using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// DUCO-S1 on AVX2: 8 nonces per vector. Where AVX-512VL is also there (and enabled), the same 256-bit code uses its
/// rotates and three-input logic; otherwise a rotate is two shifts and an or.
/// </summary>
internal sealed class DucoS1Vector256Engine : INonceScanner
{
    /// <summary>True when the CPU (and the runtime's configuration) allows AVX2.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public string Name => "avx2";

    /// <inheritdoc />
    public string Algorithm => Algorithms.DucoS1;

    /// <inheritdoc />
    public int Lanes => Vector256<uint>.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        DucoS1Lanes<Vector256<uint>, Vector256Sha1Lanes>.Scan(work, firstNonce, count, hits);
}

/// <summary>SHA-1 lane operations on <see cref="Vector256{T}"/>: AVX2, with AVX-512VL instructions when available.</summary>
internal readonly struct Vector256Sha1Lanes : ISha1Lanes<Vector256<uint>>
{
    // vpternlogd truth tables: bit (x<<2 | y<<1 | z) of the immediate is the result for those input bits.
    private const byte ChooseTable = 0xCA;
    private const byte ParityTable = 0x96;
    private const byte MajorityTable = 0xE8;

    public static int Count => Vector256<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(uint[] source, int offset)
    {
        Debug.Assert(offset >= 0 && offset + Count <= source.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor(Vector256<uint> x, Vector256<uint> y) => x ^ y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Or(Vector256<uint> x, Vector256<uint> y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Select(Vector256<uint> mask, Vector256<uint> ones, Vector256<uint> zeros) =>
        Ch(mask, ones, zeros);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Ch(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, ChooseTable) : z ^ (x & (y ^ z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Parity(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, ParityTable) : x ^ y ^ z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Maj(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, MajorityTable) : (x & y) | (z & (x | y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft1(Vector256<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 1) : Vector256.ShiftLeft(x, 1) | Vector256.ShiftRightLogical(x, 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft5(Vector256<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 5) : Vector256.ShiftLeft(x, 5) | Vector256.ShiftRightLogical(x, 27);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft30(Vector256<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 30) : Vector256.ShiftLeft(x, 30) | Vector256.ShiftRightLogical(x, 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector256<uint> x, Vector256<uint> y) => Vector256.Equals(x, y).ExtractMostSignificantBits();
}
