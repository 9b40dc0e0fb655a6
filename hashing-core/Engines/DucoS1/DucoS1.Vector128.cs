using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// DUCO-S1 on 128-bit vectors: 4 nonces per vector. On ARM64 it is the NEON engine (the Raspberry Pi's), with
/// rotates as shift + shift-right-and-insert (SRI) and Ch/Maj as bitwise select (BSL); on x86 it is SSE, with
/// AVX-512VL rotates and three-input logic where available.
/// </summary>
internal sealed class DucoS1Vector128Engine : INonceScanner
{
    /// <summary>True when 128-bit vectors are hardware accelerated (NEON on ARM64, SSE on x86).</summary>
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public string Name => AdvSimd.IsSupported ? "neon" : "vector128";

    /// <inheritdoc />
    public string Algorithm => Algorithms.DucoS1;

    /// <inheritdoc />
    public int Lanes => Vector128<uint>.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        DucoS1Lanes<Vector128<uint>, Vector128Sha1Lanes>.Scan(work, firstNonce, count, hits);
}

/// <summary>SHA-1 lane operations on <see cref="Vector128{T}"/>: NEON, SSE, or SSE with AVX-512VL instructions.</summary>
internal readonly struct Vector128Sha1Lanes : ISha1Lanes<Vector128<uint>>
{
    // vpternlogd truth tables: bit (x<<2 | y<<1 | z) of the immediate is the result for those input bits.
    private const byte ChooseTable = 0xCA;
    private const byte ParityTable = 0x96;
    private const byte MajorityTable = 0xE8;

    public static int Count => Vector128<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Broadcast(uint value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Load(uint[] source, int offset)
    {
        Debug.Assert(offset >= 0 && offset + Count <= source.Length);
        return Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Add(Vector128<uint> x, Vector128<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Xor(Vector128<uint> x, Vector128<uint> y) => x ^ y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Or(Vector128<uint> x, Vector128<uint> y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Select(Vector128<uint> mask, Vector128<uint> ones, Vector128<uint> zeros) =>
        Ch(mask, ones, zeros);

    // Ch is "x selects y over z": BSL on NEON.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Ch(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, ChooseTable) : Vector128.ConditionalSelect(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Parity(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, ParityTable) : x ^ y ^ z;

    // Maj: where x and y agree it is x, elsewhere z decides.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Maj(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, MajorityTable) : Vector128.ConditionalSelect(x ^ y, z, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft1(Vector128<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 1)
        : AdvSimd.IsSupported ? AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 1), x, 31)
        : Vector128.ShiftLeft(x, 1) | Vector128.ShiftRightLogical(x, 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft5(Vector128<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 5)
        : AdvSimd.IsSupported ? AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 5), x, 27)
        : Vector128.ShiftLeft(x, 5) | Vector128.ShiftRightLogical(x, 27);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft30(Vector128<uint> x) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 30)
        : AdvSimd.IsSupported ? AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 30), x, 2)
        : Vector128.ShiftLeft(x, 30) | Vector128.ShiftRightLogical(x, 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector128<uint> x, Vector128<uint> y) => Vector128.Equals(x, y).ExtractMostSignificantBits();
}
