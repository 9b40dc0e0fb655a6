using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>DUCO-S1 on AVX-512: 16 nonces per vector, with native rotates (vprold) and three-input logic (vpternlogd).</summary>
internal sealed class DucoS1Vector512Engine : INonceScanner
{
    /// <summary>True when the CPU (and the runtime's configuration) allows AVX-512F.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <inheritdoc />
    public string Name => "avx512";

    /// <inheritdoc />
    public string Algorithm => Algorithms.DucoS1;

    /// <inheritdoc />
    public int Lanes => Vector512<uint>.Count;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        DucoS1Lanes<Vector512<uint>, Vector512Sha1Lanes>.Scan(work, firstNonce, count, hits);
}

/// <summary>SHA-1 lane operations on <see cref="Vector512{T}"/> with AVX-512F.</summary>
internal readonly struct Vector512Sha1Lanes : ISha1Lanes<Vector512<uint>>
{
    // vpternlogd truth tables: bit (x<<2 | y<<1 | z) of the immediate is the result for those input bits.
    private const byte ChooseTable = 0xCA;
    private const byte ParityTable = 0x96;
    private const byte MajorityTable = 0xE8;

    public static int Count => Vector512<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(uint[] source, int offset)
    {
        Debug.Assert(offset >= 0 && offset + Count <= source.Length);
        return Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Xor(Vector512<uint> x, Vector512<uint> y) => x ^ y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Or(Vector512<uint> x, Vector512<uint> y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Select(Vector512<uint> mask, Vector512<uint> ones, Vector512<uint> zeros) =>
        Avx512F.TernaryLogic(mask, ones, zeros, ChooseTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Ch(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) =>
        Avx512F.TernaryLogic(x, y, z, ChooseTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Parity(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) =>
        Avx512F.TernaryLogic(x, y, z, ParityTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Maj(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) =>
        Avx512F.TernaryLogic(x, y, z, MajorityTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft1(Vector512<uint> x) => Avx512F.RotateLeft(x, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft5(Vector512<uint> x) => Avx512F.RotateLeft(x, 5);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft30(Vector512<uint> x) => Avx512F.RotateLeft(x, 30);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector512<uint> x, Vector512<uint> y) => Vector512.Equals(x, y).ExtractMostSignificantBits();
}
