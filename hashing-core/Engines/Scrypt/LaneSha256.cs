using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The SHA-256 compression function (FIPS 180-4 §6.2.2) on word-interleaved lanes, the layout pooler cpuminer's
/// sha256_transform_4way/8way use for scrypt's PBKDF2 (scrypt.c, scrypt_1024_1_1_256_24way). Every uint of the
/// portable <see cref="Sha256.Compress"/> becomes a vector holding that word for every lane.
/// </summary>
internal static class LaneSha256
{
    /// <summary>
    /// Updates the eight state vectors at <paramref name="state"/> with one block whose sixteen message vectors are the
    /// first of the 64 at <paramref name="schedule"/> (expanded in place).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress<TVector, TWords>(ref uint state, ref uint schedule)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector>
    {
        for (int t = 16; t < 64; t++)
        {
            TVector w2 = TWords.Load(ref schedule, t - 2), w15 = TWords.Load(ref schedule, t - 15);
            TVector sigma1 = TWords.Xor(TWords.Xor(TWords.RotateLeft(w2, 15), TWords.RotateLeft(w2, 13)), TWords.ShiftRight(w2, 10));
            TVector sigma0 = TWords.Xor(TWords.Xor(TWords.RotateLeft(w15, 25), TWords.RotateLeft(w15, 14)), TWords.ShiftRight(w15, 3));
            TVector sum = TWords.Add(TWords.Add(sigma1, TWords.Load(ref schedule, t - 7)), TWords.Add(sigma0, TWords.Load(ref schedule, t - 16)));
            TWords.Store(sum, ref schedule, t);
        }

        TVector a = TWords.Load(ref state, 0), b = TWords.Load(ref state, 1), c = TWords.Load(ref state, 2), d = TWords.Load(ref state, 3);
        TVector e = TWords.Load(ref state, 4), f = TWords.Load(ref state, 5), g = TWords.Load(ref state, 6), h = TWords.Load(ref state, 7);
        for (int t = 0; t < 64; t++)
        {
            // Σ1(e) = ROTR6 ^ ROTR11 ^ ROTR25, Ch(e,f,g) = g ^ (e & (f ^ g)); Σ0(a) = ROTR2 ^ ROTR13 ^ ROTR22,
            // Maj(a,b,c) = (a & b) | (c & (a | b)). A right rotation by n is a left rotation by 32 − n.
            TVector bigSigma1 = TWords.Xor(TWords.Xor(TWords.RotateLeft(e, 26), TWords.RotateLeft(e, 21)), TWords.RotateLeft(e, 7));
            TVector choose = TWords.Xor(g, TWords.And(e, TWords.Xor(f, g)));
            TVector t1 = TWords.Add(TWords.Add(TWords.Add(h, bigSigma1), TWords.Add(choose, TWords.Broadcast(Sha256.K[t]))), TWords.Load(ref schedule, t));
            TVector bigSigma0 = TWords.Xor(TWords.Xor(TWords.RotateLeft(a, 30), TWords.RotateLeft(a, 19)), TWords.RotateLeft(a, 10));
            TVector majority = TWords.Or(TWords.And(a, b), TWords.And(c, TWords.Or(a, b)));
            h = g;
            g = f;
            f = e;
            e = TWords.Add(d, t1);
            d = c;
            c = b;
            b = a;
            a = TWords.Add(t1, TWords.Add(bigSigma0, majority));
        }

        AddTo(ref state, 0, a); AddTo(ref state, 1, b); AddTo(ref state, 2, c); AddTo(ref state, 3, d);
        AddTo(ref state, 4, e); AddTo(ref state, 5, f); AddTo(ref state, 6, g); AddTo(ref state, 7, h);

        static void AddTo(ref uint state, int index, TVector value) =>
            TWords.Store(TWords.Add(TWords.Load(ref state, index), value), ref state, index);
    }

    /// <summary>Swaps the bytes of every lane: SHA-256 reads big-endian words, Salsa20/8 little-endian ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ReverseBytes<TVector, TWords>(TVector value)
        where TVector : struct
        where TWords : struct, ILaneWords<TVector> =>
        TWords.Or(
            TWords.And(TWords.RotateLeft(value, 8), TWords.Broadcast(0x00ff00ff)),
            TWords.And(TWords.RotateLeft(value, 24), TWords.Broadcast(0xff00ff00)));
}
