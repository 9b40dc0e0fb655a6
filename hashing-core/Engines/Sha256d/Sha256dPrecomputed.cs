using System.Diagnostics;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// Everything of one sha256d header job that does not depend on the nonce, computed once per scan, as the best
/// CPU miners do (pooler cpuminer sha2.c: sha256d_prehash and sha256d_preextend; cpuminer-opt sha256d-4way.c,
/// after sph-style midstates): the midstate of header bytes 0..63, the first three rounds of the second block
/// (they read only W0..W2 = merkle root tail, ntime, nBits), the part of round 3 that does not read W3 (the nonce),
/// and the nonce-free terms of the message schedule W16..W32.
/// </summary>
/// <remarks>
/// Second block of the first SHA-256 (FIPS 180-4 §5.1.1 padding of an 80-byte message): W0..W2 header words,
/// W3 the nonce (big-endian), W4 = 0x80000000, W5..W14 = 0, W15 = 640 (the bit length).
/// Second SHA-256 (a 32-byte message): W0..W7 the first digest, W8 = 0x80000000, W9..W14 = 0, W15 = 256.
/// </remarks>
internal sealed class Sha256dPrecomputed
{
    /// <summary>W4 of the first hash's second block and W8 of the second hash: the 0x80 byte that starts the padding.</summary>
    public const uint PaddingWord = 0x80000000;

    /// <summary>W15 of the first hash's second block: 80 bytes = 640 bits.</summary>
    public const uint HeaderBits = 640;

    /// <summary>W15 of the second hash: 32 bytes = 256 bits.</summary>
    public const uint DigestBits = 256;

    /// <summary>Computes the nonce-free values of <paramref name="work"/>.</summary>
    public Sha256dPrecomputed(HeaderWork work)
    {
        Debug.Assert(work.Algorithm == Algorithms.Sha256d, "sha256d work only");
        Midstate = work.Midstate;
        W0 = work.TailWord(0);
        W1 = work.TailWord(1);
        W2 = work.TailWord(2);

        uint a = Midstate[0], b = Midstate[1], c = Midstate[2], d = Midstate[3];
        uint e = Midstate[4], f = Midstate[5], g = Midstate[6], h = Midstate[7];
        Round(a, b, c, ref d, e, f, g, ref h, Sha256.K[0] + W0);
        Round(h, a, b, ref c, d, e, f, ref g, Sha256.K[1] + W1);
        Round(g, h, a, ref b, c, d, e, ref f, Sha256.K[2] + W2);

        // After three rounds the state (A..H) is (f, g, h, a, b, c, d, e). Round 3 adds W3 to T1 only.
        uint t1 = e + BigSigma1(b) + Choose(b, c, d) + Sha256.K[3];
        uint t2 = BigSigma0(f) + Majority(f, g, h);
        Round3A = t1 + t2;
        Round3E = a + t1;
        Round3B = f;
        Round3C = g;
        Round3D = h;
        Round3F = b;
        Round3G = c;
        Round3H = d;

        W16 = SmallSigma0(W1) + W0;
        W17 = SmallSigma1(HeaderBits) + SmallSigma0(W2) + W1;
        W18Part = SmallSigma1(W16) + W2;
        W19Part = SmallSigma1(W17) + SmallSigma0(PaddingWord);
        W30Part = SmallSigma0(HeaderBits);
        W31Part = SmallSigma0(W16) + HeaderBits;
        W32Part = SmallSigma0(W17) + W16;

        // The second hash starts from the initial hash value, so its round 0 is constant but for "+ W0".
        uint[] iv = Sha256.InitialHash;
        uint secondT1 = iv[7] + BigSigma1(iv[4]) + Choose(iv[4], iv[5], iv[6]) + Sha256.K[0];
        SecondRound0E = iv[3] + secondT1;
        SecondRound0A = secondT1 + BigSigma0(iv[0]) + Majority(iv[0], iv[1], iv[2]);
        SecondW17Part = SmallSigma1(DigestBits);
        SecondW23Part = SmallSigma0(PaddingWord);
        SecondW30Part = SmallSigma0(DigestBits);
        TargetWord7 = work.Target.GetWord(7);
    }

    /// <summary>SHA-256 state after header bytes 0..63.</summary>
    public uint[] Midstate { get; }

    /// <summary>Header bytes 64..67 (merkle root tail) as a big-endian word.</summary>
    public uint W0 { get; }

    /// <summary>Header bytes 68..71 (ntime).</summary>
    public uint W1 { get; }

    /// <summary>Header bytes 72..75 (nBits).</summary>
    public uint W2 { get; }

    /// <summary>New a of round 3, less W3: a = Round3A + W3.</summary>
    public uint Round3A { get; }

    /// <summary>New e of round 3, less W3: e = Round3E + W3.</summary>
    public uint Round3E { get; }

    /// <summary>b after round 3 (nonce-free).</summary>
    public uint Round3B { get; }

    /// <summary>c after round 3.</summary>
    public uint Round3C { get; }

    /// <summary>d after round 3.</summary>
    public uint Round3D { get; }

    /// <summary>f after round 3.</summary>
    public uint Round3F { get; }

    /// <summary>g after round 3.</summary>
    public uint Round3G { get; }

    /// <summary>h after round 3.</summary>
    public uint Round3H { get; }

    /// <summary>W16 = σ0(W1) + W0 (σ1(W14) = W9 = 0): nonce-free.</summary>
    public uint W16 { get; }

    /// <summary>W17 = σ1(W15) + σ0(W2) + W1 (W10 = 0): nonce-free.</summary>
    public uint W17 { get; }

    /// <summary>W18 = σ0(W3) + W18Part, W18Part = σ1(W16) + W2 (W11 = 0).</summary>
    public uint W18Part { get; }

    /// <summary>W19 = W3 + W19Part, W19Part = σ1(W17) + σ0(W4) (W12 = 0).</summary>
    public uint W19Part { get; }

    /// <summary>W30 = σ1(W28) + W23 + W30Part, W30Part = σ0(W15) (W14 = 0).</summary>
    public uint W30Part { get; }

    /// <summary>W31 = σ1(W29) + W24 + W31Part, W31Part = σ0(W16) + W15.</summary>
    public uint W31Part { get; }

    /// <summary>W32 = σ1(W30) + W25 + W32Part, W32Part = σ0(W17) + W16.</summary>
    public uint W32Part { get; }

    /// <summary>New e of the second hash's round 0, less W0.</summary>
    public uint SecondRound0E { get; }

    /// <summary>New a of the second hash's round 0, less W0.</summary>
    public uint SecondRound0A { get; }

    /// <summary>Second hash: W17 = σ0(W2) + W1 + SecondW17Part, SecondW17Part = σ1(W15 = 256) (W10 = 0).</summary>
    public uint SecondW17Part { get; }

    /// <summary>Second hash: W23 = σ1(W21) + W16 + W7 + SecondW23Part, SecondW23Part = σ0(W8 = 0x80000000).</summary>
    public uint SecondW23Part { get; }

    /// <summary>Second hash: W30 = σ1(W28) + W23 + SecondW30Part, SecondW30Part = σ0(W15 = 256) (W14 = 0).</summary>
    public uint SecondW30Part { get; }

    /// <summary>The most significant word of the target: a hash whose word 7 is above it cannot meet the target.</summary>
    public uint TargetWord7 { get; }

    /// <summary>σ0 (FIPS 180-4 §4.1.2, 4.6).</summary>
    public static uint SmallSigma0(uint x) => uint.RotateRight(x, 7) ^ uint.RotateRight(x, 18) ^ (x >> 3);

    /// <summary>σ1 (FIPS 180-4 §4.1.2, 4.7).</summary>
    public static uint SmallSigma1(uint x) => uint.RotateRight(x, 17) ^ uint.RotateRight(x, 19) ^ (x >> 10);

    private static uint BigSigma0(uint x) => uint.RotateRight(x, 2) ^ uint.RotateRight(x, 13) ^ uint.RotateRight(x, 22);

    private static uint BigSigma1(uint x) => uint.RotateRight(x, 6) ^ uint.RotateRight(x, 11) ^ uint.RotateRight(x, 25);

    private static uint Choose(uint e, uint f, uint g) => (e & f) ^ (~e & g);

    private static uint Majority(uint a, uint b, uint c) => (a & b) ^ (a & c) ^ (b & c);

    private static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        uint t1 = h + BigSigma1(e) + Choose(e, f, g) + kw;
        d += t1;
        h = t1 + BigSigma0(a) + Majority(a, b, c);
    }
}
