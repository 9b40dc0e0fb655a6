namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// The SHA-1 operations (FIPS 180-4 §4.1.1, §3.2) on a vector of 32-bit lanes, one implementation per vector width,
/// so the DUCO-S1 kernel (<see cref="DucoS1Lanes{TVector, TLanes}"/>) is written once and specialised by the JIT.
/// </summary>
/// <typeparam name="TVector">The vector of uint lanes, e.g. <c>Vector512&lt;uint&gt;</c>.</typeparam>
internal interface ISha1Lanes<TVector>
    where TVector : struct
{
    /// <summary>How many 32-bit lanes a vector holds.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(uint value);

    /// <summary>Count consecutive words of <paramref name="source"/> from <paramref name="offset"/>.</summary>
    static abstract TVector Load(uint[] source, int offset);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVector Add(TVector x, TVector y);

    /// <summary>Lane-wise exclusive or.</summary>
    static abstract TVector Xor(TVector x, TVector y);

    /// <summary>Lane-wise or.</summary>
    static abstract TVector Or(TVector x, TVector y);

    /// <summary>Per lane: <paramref name="mask"/> bits set take <paramref name="ones"/>, clear take <paramref name="zeros"/>.</summary>
    static abstract TVector Select(TVector mask, TVector ones, TVector zeros);

    /// <summary>Ch(x, y, z) = (x ∧ y) ⊕ (¬x ∧ z), rounds 0..19.</summary>
    static abstract TVector Ch(TVector x, TVector y, TVector z);

    /// <summary>Parity(x, y, z) = x ⊕ y ⊕ z, rounds 20..39 and 60..79 (and the message schedule).</summary>
    static abstract TVector Parity(TVector x, TVector y, TVector z);

    /// <summary>Maj(x, y, z) = (x ∧ y) ⊕ (x ∧ z) ⊕ (y ∧ z), rounds 40..59.</summary>
    static abstract TVector Maj(TVector x, TVector y, TVector z);

    /// <summary>ROTL^1, the message schedule's rotation.</summary>
    static abstract TVector RotateLeft1(TVector x);

    /// <summary>ROTL^5 of a in every round.</summary>
    static abstract TVector RotateLeft5(TVector x);

    /// <summary>ROTL^30 of b in every round.</summary>
    static abstract TVector RotateLeft30(TVector x);

    /// <summary>Bit i set when lane i of <paramref name="x"/> equals lane i of <paramref name="y"/>.</summary>
    static abstract ulong EqualLanes(TVector x, TVector y);
}
