using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// DUCO-S1 on 128-bit vectors, 4 nonces per vector: the NEON engine on ARM64 (the Raspberry Pi's, see
/// <see cref="NeonSha1Lanes"/>), SSE on x86.
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
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
    {
        if (AdvSimd.IsSupported)
        {
            DucoS1Lanes<Vector128<uint>, NeonSha1Lanes>.Scan(work, firstNonce, count, hits);
        }
        else
        {
            DucoS1Lanes<Vector128<uint>, Vector128Sha1Lanes>.Scan(work, firstNonce, count, hits);
        }
    }
}

/// <summary>
/// SHA-1 lane operations on <see cref="Vector128{T}"/> with the cross-platform vector operators only (a rotate is
/// two shifts and an or). No IsSupported branches here: they would count against the JIT's inlining budget,
/// which the ~600 operations of the unrolled kernel need whole (see <see cref="DucoS1Lanes{TVector, TLanes}"/>).
/// </summary>
internal readonly struct Vector128Sha1Lanes : ISha1Lanes<Vector128<uint>>
{
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

    // Ch is "x selects y over z".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Ch(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        Vector128.ConditionalSelect(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Parity(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        x ^ y ^ z;

    // Maj: where x and y agree it is x, elsewhere z decides.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Maj(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        Vector128.ConditionalSelect(x ^ y, z, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft1(Vector128<uint> x) =>
        (x << 1) | (x >>> 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft5(Vector128<uint> x) =>
        (x << 5) | (x >>> 27);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft30(Vector128<uint> x) =>
        (x << 30) | (x >>> 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector128<uint> x, Vector128<uint> y) => Vector128.Equals(x, y).ExtractMostSignificantBits();
}
