using System.Diagnostics.CodeAnalysis;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The word operations Salsa20/8 and SHA-256 need on one vector type: <see cref="LaneSalsa208"/> and
/// <see cref="LaneSha256"/> are written once against this interface and specialised per width by the JIT (the
/// implementers are readonly structs, every member inlined, so shift and rotate counts reach the instructions as
/// immediates).
/// </summary>
/// <typeparam name="TVector">Vector128, Vector256 or Vector512 of uint.</typeparam>
internal interface ILaneWords<TVector>
    where TVector : struct
{
    /// <summary>Loads vector <paramref name="index"/> (words index·lanes ..) from <paramref name="words"/>.</summary>
    static abstract TVector Load(ref uint words, int index);

    /// <summary>Stores <paramref name="value"/> as vector <paramref name="index"/> of <paramref name="words"/>.</summary>
    static abstract void Store(TVector value, ref uint words, int index);

    /// <summary>A vector with <paramref name="value"/> in every lane.</summary>
    static abstract TVector Broadcast(uint value);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Lane-wise exclusive or.</summary>
    static abstract TVector Xor(TVector left, TVector right);

    /// <summary>Lane-wise and.</summary>
    static abstract TVector And(TVector left, TVector right);

    /// <summary>Lane-wise or.</summary>
    static abstract TVector Or(TVector left, TVector right);

    /// <summary>Shifts every lane right by <paramref name="count"/> bits, filling with zeros.</summary>
    static abstract TVector ShiftRight(TVector value, [ConstantExpected(Min = 1, Max = 31)] byte count);

    /// <summary>Rotates every lane left by <paramref name="count"/> bits.</summary>
    static abstract TVector RotateLeft(TVector value, [ConstantExpected(Min = 1, Max = 31)] byte count);
}
