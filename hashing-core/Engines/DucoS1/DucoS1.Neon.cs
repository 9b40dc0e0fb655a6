using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// SHA-1 lane operations on ARM64 NEON (AdvSimd), for <see cref="DucoS1Vector128Engine"/> on the Raspberry Pi:
/// a rotate is SHL then SRI (shift right and insert, which keeps the shifted-out high bits: two instructions
/// instead of three), Ch and Maj are one BSL (bitwise select) each.
/// </summary>
internal readonly struct NeonSha1Lanes : ISha1Lanes<Vector128<uint>>
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
        AdvSimd.BitwiseSelect(mask, ones, zeros);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Ch(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        AdvSimd.BitwiseSelect(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Parity(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) => x ^ y ^ z;

    // Maj: where x and y agree it is x, elsewhere z decides.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Maj(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) =>
        AdvSimd.BitwiseSelect(x ^ y, z, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft1(Vector128<uint> x) => AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 1), x, 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft5(Vector128<uint> x) => AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 5), x, 27);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft30(Vector128<uint> x) => AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, 30), x, 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(Vector128<uint> x, Vector128<uint> y) => Vector128.Equals(x, y).ExtractMostSignificantBits();
}
