using System;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The width-specific pieces of a SIMD scrypt engine on <see cref="Count"/> lanes. The block X is word-interleaved
/// (vector k holds word k of every lane) so Salsa20/8 is pure lane-parallel add, xor and rotate; the scratchpad is
/// lane-major (each lane's 32-word blocks contiguous) so ROMix's random reads touch two cache lines per lane. Moving
/// between the two layouts is a Count × Count transpose. Implemented by readonly structs so
/// <see cref="ScryptLaneRoMix"/> is specialised and inlined per width.
/// </summary>
internal interface IScryptLanes
{
    /// <summary>Lanes per vector; a power of two that divides 32.</summary>
    static abstract int Count { get; }

    /// <summary>
    /// b = Salsa20/8(b xor x) on every lane, where <paramref name="b"/> and <paramref name="x"/> each start sixteen
    /// consecutive vectors (one per Salsa word) of <see cref="Count"/> words; <paramref name="scratch"/> is sixteen
    /// more vectors the implementation may use. Implementations are NoInlining wrappers of <see cref="LaneSalsa208"/>:
    /// inlined four times into ROMix it exhausted the JIT's inlining budget and left the vector operations as calls.
    /// </summary>
    static abstract void XorSalsa(ref uint b, ref uint x, ref uint scratch);

    /// <summary>
    /// Transposes the <see cref="Count"/> vectors at <paramref name="words"/> (vector k holds word k of every lane) and
    /// stores lane L's <see cref="Count"/> words contiguously at <paramref name="rows"/> + L·<paramref name="rowStride"/>.
    /// </summary>
    static abstract void StoreTransposed(ref uint words, ref uint rows, nint rowStride);

    /// <summary>
    /// The inverse gather: XORs lane L's <see cref="Count"/> contiguous words at <paramref name="scratchpad"/> +
    /// <paramref name="rowOffsets"/>[L] into lane L of the <see cref="Count"/> vectors at <paramref name="words"/>.
    /// </summary>
    static abstract void XorTransposed(ref uint words, ref uint scratchpad, ReadOnlySpan<nint> rowOffsets);
}
