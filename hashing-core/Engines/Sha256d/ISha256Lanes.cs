namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// The SHA-256 word operations on one SIMD register of 32-bit lanes, each lane a different nonce. One struct per
/// instruction set (AVX-512F, AVX2, Vector128); <see cref="Sha256dLaneKernel{TVector, TLanes}"/> is written once
/// against this interface and the JIT specialises it per struct, inlining every call.
/// </summary>
/// <typeparam name="TVector">The register type, e.g. <c>Vector512&lt;uint&gt;</c>.</typeparam>
internal interface ISha256Lanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Nonces hashed side by side.</summary>
    static abstract int Count { get; }

    /// <summary>0, 1, 2, … in lane order: added to a broadcast first nonce it gives the lanes' nonces.</summary>
    static abstract TVector Indices { get; }

    /// <summary>The same value in every lane.</summary>
    static abstract TVector Broadcast(uint value);

    /// <summary>Lane-wise x + y modulo 2^32.</summary>
    static abstract TVector Add(TVector x, TVector y);

    /// <summary>Σ0 (FIPS 180-4 4.4): ROTR2 ^ ROTR13 ^ ROTR22.</summary>
    static abstract TVector BigSigma0(TVector x);

    /// <summary>Σ1 (FIPS 180-4 4.5): ROTR6 ^ ROTR11 ^ ROTR25.</summary>
    static abstract TVector BigSigma1(TVector x);

    /// <summary>σ0 (FIPS 180-4 4.6): ROTR7 ^ ROTR18 ^ SHR3.</summary>
    static abstract TVector SmallSigma0(TVector x);

    /// <summary>σ1 (FIPS 180-4 4.7): ROTR17 ^ ROTR19 ^ SHR10.</summary>
    static abstract TVector SmallSigma1(TVector x);

    /// <summary>Ch (FIPS 180-4 4.2): bits of f where e is set, of g elsewhere.</summary>
    static abstract TVector Choose(TVector e, TVector f, TVector g);

    /// <summary>Maj (FIPS 180-4 4.3): the bitwise majority of a, b and c.</summary>
    static abstract TVector Majority(TVector a, TVector b, TVector c);

    /// <summary>Reverses the bytes of every lane (little-endian nonce field ↔ big-endian message word).</summary>
    static abstract TVector ByteSwap(TVector x);

    /// <summary>True when some lane of x is at or below the same lane of limit (unsigned).</summary>
    static abstract bool AnyAtOrBelow(TVector x, TVector limit);

    /// <summary>Bit i set when lane i of x is at or below lane i of limit (unsigned).</summary>
    static abstract uint AtOrBelowMask(TVector x, TVector limit);
}
