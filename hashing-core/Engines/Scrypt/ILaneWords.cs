namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The word operations Salsa20/8 needs on one vector type: <see cref="LaneSalsa208"/> is written once against this
/// interface and specialised per width by the JIT (the implementers are readonly structs, every member inlined).
/// The rotations are separate members because the rotate instructions take their count as an immediate.
/// </summary>
/// <typeparam name="TVector">Vector128, Vector256 or Vector512 of uint.</typeparam>
internal interface ILaneWords<TVector>
    where TVector : struct
{
    /// <summary>Loads vector <paramref name="index"/> (words index·lanes ..) from <paramref name="words"/>.</summary>
    static abstract TVector Load(ref uint words, int index);

    /// <summary>Stores <paramref name="value"/> as vector <paramref name="index"/> of <paramref name="words"/>.</summary>
    static abstract void Store(TVector value, ref uint words, int index);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Lane-wise exclusive or.</summary>
    static abstract TVector Xor(TVector left, TVector right);

    /// <summary>Rotates every lane left by 7 bits.</summary>
    static abstract TVector RotateLeft7(TVector value);

    /// <summary>Rotates every lane left by 9 bits.</summary>
    static abstract TVector RotateLeft9(TVector value);

    /// <summary>Rotates every lane left by 13 bits.</summary>
    static abstract TVector RotateLeft13(TVector value);

    /// <summary>Rotates every lane left by 18 bits.</summary>
    static abstract TVector RotateLeft18(TVector value);
}
