using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>The SHA-1 rounds of the DUCO-S1 lane kernel (FIPS 180-4 §6.1.2), unrolled, on one vector of nonces.</summary>
internal static partial class DucoS1Lanes<TVector, TLanes>
    where TVector : struct
    where TLanes : ISha1Lanes<TVector>
{
    /// <summary>
    /// Working variable a after round 75 for message words 10..12 of each lane; the rest of the block is in
    /// <paramref name="k"/>. Rounds 76..79 are not run: a76 already fixes the digest's last word.
    /// W[t] lives in w(t mod 16); schedule words 18..33 fold in their nonce-independent parts (S18..S33).
    /// A method of its own, never inlined: the JIT's inlining budget grows with the root method's size, and the
    /// kernel's ~600 lane operations need all of it (one left as a call makes the engine several times slower).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TVector A76(DucoS1LaneConstants k, TVector w10, TVector w11, TVector w12)
    {
        TVector k0 = TLanes.Broadcast(Sha1.K0), k1 = TLanes.Broadcast(Sha1.K1);
        TVector k2 = TLanes.Broadcast(Sha1.K2), k3 = TLanes.Broadcast(Sha1.K3);
        TVector kw15 = TLanes.Broadcast(k.KW15), kw16 = TLanes.Broadcast(k.KW16), kw17 = TLanes.Broadcast(k.KW17);
        TVector s18 = TLanes.Broadcast(k.S18), s19 = TLanes.Broadcast(k.S19), s20 = TLanes.Broadcast(k.S20);
        TVector s21 = TLanes.Broadcast(k.S21), s22 = TLanes.Broadcast(k.S22), s23 = TLanes.Broadcast(k.S23);
        TVector s24 = TLanes.Broadcast(k.S24), s25 = TLanes.Broadcast(k.S25), s29 = TLanes.Broadcast(k.S29);
        TVector s30 = TLanes.Broadcast(k.S30), s31 = TLanes.Broadcast(k.S31), s32 = TLanes.Broadcast(k.S32);
        TVector s33 = TLanes.Broadcast(k.S33);

        // Rounds 10 and 11 see only constants besides their own message word.
        TVector b = TLanes.Add(TLanes.Broadcast(k.Round10), w10);
        TVector a = TLanes.Add(TLanes.RotateLeft5(b), TLanes.Add(TLanes.Broadcast(k.Round11), w11));
        TVector c = TLanes.Broadcast(k.C12), d = TLanes.Broadcast(k.D12), e = TLanes.Broadcast(k.E12);

        RoundCh(a, ref b, c, d, ref e, TLanes.Add(w12, k0));
        RoundCh(e, ref a, b, c, ref d, k0);
        RoundCh(d, ref e, a, b, ref c, k0);
        RoundCh(c, ref d, e, a, ref b, kw15);
        RoundCh(b, ref c, d, e, ref a, kw16);
        RoundCh(a, ref b, c, d, ref e, kw17);
        TVector w2 = TLanes.RotateLeft1(TLanes.Xor(w10, s18));
        RoundCh(e, ref a, b, c, ref d, TLanes.Add(w2, k0));
        TVector w3 = TLanes.RotateLeft1(TLanes.Xor(w11, s19));
        RoundCh(d, ref e, a, b, ref c, TLanes.Add(w3, k0));
        TVector w4 = TLanes.RotateLeft1(TLanes.Xor(w12, s20));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w4, k1));
        TVector w5 = TLanes.RotateLeft1(TLanes.Xor(w2, s21));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w5, k1));
        TVector w6 = TLanes.RotateLeft1(TLanes.Xor(w3, s22));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w6, k1));
        TVector w7 = TLanes.RotateLeft1(TLanes.Xor(w4, s23));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w7, k1));
        TVector w8 = TLanes.RotateLeft1(TLanes.Parity(w5, w10, s24));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w8, k1));
        TVector w9 = TLanes.RotateLeft1(TLanes.Parity(w6, w11, s25));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w9, k1));
        w10 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w10, w7, w2), w12));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w10, k1));
        w11 = TLanes.RotateLeft1(TLanes.Parity(w8, w3, w11));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w11, k1));
        w12 = TLanes.RotateLeft1(TLanes.Parity(w9, w4, w12));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w12, k1));
        TVector w13 = TLanes.RotateLeft1(TLanes.Parity(w10, w5, s29));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w13, k1));
        TVector w14 = TLanes.RotateLeft1(TLanes.Parity(w11, w6, s30));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w14, k1));
        TVector w15 = TLanes.RotateLeft1(TLanes.Parity(w12, w7, s31));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w15, k1));
        TVector w0 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w13, w8, w2), s32));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w0, k1));
        TVector w1 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w14, w9, w3), s33));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w1, k1));
        w2 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w2, w15, w10), w4));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w2, k1));
        w3 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w3, w0, w11), w5));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w3, k1));
        w4 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w4, w1, w12), w6));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w4, k1));
        w5 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w5, w2, w13), w7));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w5, k1));
        w6 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w6, w3, w14), w8));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w6, k1));
        w7 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w7, w4, w15), w9));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w7, k1));
        w8 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w8, w5, w0), w10));
        RoundMaj(c, ref d, e, a, ref b, TLanes.Add(w8, k2));
        w9 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w9, w6, w1), w11));
        RoundMaj(b, ref c, d, e, ref a, TLanes.Add(w9, k2));
        w10 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w10, w7, w2), w12));
        RoundMaj(a, ref b, c, d, ref e, TLanes.Add(w10, k2));
        w11 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w11, w8, w3), w13));
        RoundMaj(e, ref a, b, c, ref d, TLanes.Add(w11, k2));
        w12 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w12, w9, w4), w14));
        RoundMaj(d, ref e, a, b, ref c, TLanes.Add(w12, k2));
        w13 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w13, w10, w5), w15));
        RoundMaj(c, ref d, e, a, ref b, TLanes.Add(w13, k2));
        w14 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w14, w11, w6), w0));
        RoundMaj(b, ref c, d, e, ref a, TLanes.Add(w14, k2));
        w15 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w15, w12, w7), w1));
        RoundMaj(a, ref b, c, d, ref e, TLanes.Add(w15, k2));
        w0 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w0, w13, w8), w2));
        RoundMaj(e, ref a, b, c, ref d, TLanes.Add(w0, k2));
        w1 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w1, w14, w9), w3));
        RoundMaj(d, ref e, a, b, ref c, TLanes.Add(w1, k2));
        w2 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w2, w15, w10), w4));
        RoundMaj(c, ref d, e, a, ref b, TLanes.Add(w2, k2));
        w3 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w3, w0, w11), w5));
        RoundMaj(b, ref c, d, e, ref a, TLanes.Add(w3, k2));
        w4 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w4, w1, w12), w6));
        RoundMaj(a, ref b, c, d, ref e, TLanes.Add(w4, k2));
        w5 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w5, w2, w13), w7));
        RoundMaj(e, ref a, b, c, ref d, TLanes.Add(w5, k2));
        w6 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w6, w3, w14), w8));
        RoundMaj(d, ref e, a, b, ref c, TLanes.Add(w6, k2));
        w7 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w7, w4, w15), w9));
        RoundMaj(c, ref d, e, a, ref b, TLanes.Add(w7, k2));
        w8 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w8, w5, w0), w10));
        RoundMaj(b, ref c, d, e, ref a, TLanes.Add(w8, k2));
        w9 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w9, w6, w1), w11));
        RoundMaj(a, ref b, c, d, ref e, TLanes.Add(w9, k2));
        w10 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w10, w7, w2), w12));
        RoundMaj(e, ref a, b, c, ref d, TLanes.Add(w10, k2));
        w11 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w11, w8, w3), w13));
        RoundMaj(d, ref e, a, b, ref c, TLanes.Add(w11, k2));
        w12 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w12, w9, w4), w14));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w12, k3));
        w13 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w13, w10, w5), w15));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w13, k3));
        w14 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w14, w11, w6), w0));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w14, k3));
        w15 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w15, w12, w7), w1));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w15, k3));
        w0 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w0, w13, w8), w2));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w0, k3));
        w1 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w1, w14, w9), w3));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w1, k3));
        w2 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w2, w15, w10), w4));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w2, k3));
        w3 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w3, w0, w11), w5));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w3, k3));
        w4 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w4, w1, w12), w6));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w4, k3));
        w5 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w5, w2, w13), w7));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w5, k3));
        w6 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w6, w3, w14), w8));
        RoundParity(c, ref d, e, a, ref b, TLanes.Add(w6, k3));
        w7 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w7, w4, w15), w9));
        RoundParity(b, ref c, d, e, ref a, TLanes.Add(w7, k3));
        w8 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w8, w5, w0), w10));
        RoundParity(a, ref b, c, d, ref e, TLanes.Add(w8, k3));
        w9 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w9, w6, w1), w11));
        RoundParity(e, ref a, b, c, ref d, TLanes.Add(w9, k3));
        w10 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w10, w7, w2), w12));
        RoundParity(d, ref e, a, b, ref c, TLanes.Add(w10, k3));
        w11 = TLanes.RotateLeft1(TLanes.Xor(TLanes.Parity(w11, w8, w3), w13));
        return TLanes.Add(TLanes.Add(TLanes.Add(b, TLanes.Add(w11, k3)), TLanes.Parity(d, e, a)), TLanes.RotateLeft5(c));
    }

    // One round with the names rotated instead of the values: e becomes the new a, b becomes ROTL^30(b).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundCh(TVector a, ref TVector b, TVector c, TVector d, ref TVector e, TVector kw)
    {
        e = TLanes.Add(TLanes.Add(TLanes.Add(e, kw), TLanes.Ch(b, c, d)), TLanes.RotateLeft5(a));
        b = TLanes.RotateLeft30(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundParity(TVector a, ref TVector b, TVector c, TVector d, ref TVector e, TVector kw)
    {
        e = TLanes.Add(TLanes.Add(TLanes.Add(e, kw), TLanes.Parity(b, c, d)), TLanes.RotateLeft5(a));
        b = TLanes.RotateLeft30(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundMaj(TVector a, ref TVector b, TVector c, TVector d, ref TVector e, TVector kw)
    {
        e = TLanes.Add(TLanes.Add(TLanes.Add(e, kw), TLanes.Maj(b, c, d)), TLanes.RotateLeft5(a));
        b = TLanes.RotateLeft30(b);
    }
}
