using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// DUCO-S1 on AVX2: 8 nonces per vector; a rotate is two shifts and an or. (Where AVX-512VL is enabled the JIT
/// folds the bitwise functions into vpternlogd by itself; such CPUs run <see cref="DucoS1Vector512Engine"/> anyway.)
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

/// <summary>
/// SHA-1 lane operations on <see cref="Vector256{T}"/> with the vector operators only. No IsSupported branches
/// here: they would count against the JIT's inlining budget, which the ~600 operations of the unrolled kernel need
/// whole (see <see cref="DucoS1Lanes{TVector, TLanes}"/>).
/// </summary>
internal readonly struct Vector256Sha1Lanes : ISha1Lanes<Vector256<uint>>
{
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
        z ^ (x & (y ^ z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Parity(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        x ^ y ^ z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Maj(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        (x & y) | (z & (x | y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft1(Vector256<uint> x) =>
        (x << 1) | (x >>> 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft5(Vector256<uint> x) =>
        (x << 5) | (x >>> 27);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft30(Vector256<uint> x) =>
        (x << 30) | (x >>> 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector256<uint> x, Vector256<uint> y) => Vector256.Equals(x, y).ExtractMostSignificantBits();
}
