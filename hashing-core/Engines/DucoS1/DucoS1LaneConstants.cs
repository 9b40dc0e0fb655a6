namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// What the DUCO-S1 lane kernel precomputes for one job and one nonce digit count (FIPS 180-4 §6.1.2). With a
/// 40-character last hash the single 64-byte block is: words 0..9 the last hash, words 10..12 the digits, 0x80
/// and zeros, word 13 and 14 zero (the message is at most 50 bytes), word 15 the bit length, (40 + digits)·8.
/// So rounds 0..9 run once per job, round 10 and 11 only add the digit words to a constant, and the parts of
/// schedule words 16..33 that do not come from words 10..12 are folded into the constants below.
/// </summary>
internal sealed class DucoS1LaneConstants
{
    /// <summary>Length of the last hash this layout is for: Duino-Coin's SHA-1 in hex.</summary>
    public const int LastHashLength = 40;

    /// <summary>Creates the constants for <paramref name="work"/> (a 40-character last hash) and nonces of <paramref name="digits"/> digits.</summary>
    public DucoS1LaneConstants(DucoWork work, int digits)
    {
        byte[] block = new byte[Sha1.BlockSize];
        System.Array.Copy(DucoS1.Prefix(work.LastHash), block, LastHashLength);
        uint[] w = new uint[Sha1.Rounds];
        Sha1.LoadBlock(block, 0, w);
        uint w15 = (uint)(LastHashLength + digits) * 8;
        uint w16 = Sha1.RotateLeft(w[8] ^ w[2] ^ w[0], 1);
        uint w17 = Sha1.RotateLeft(w[9] ^ w[3] ^ w[1], 1);

        uint[] v = Sha1.NewState();
        Sha1.RunRounds(v, w, 0, 10);
        uint a = v[0], b = v[1], c = v[2], d = v[3], e = v[4];
        Round10 = Sha1.RotateLeft(a, 5) + Sha1.Function(10, b, c, d) + e + Sha1.K0;
        Round11 = Sha1.Function(11, a, Sha1.RotateLeft(b, 30), c) + d + Sha1.K0;
        C12 = Sha1.RotateLeft(a, 30);
        D12 = Sha1.RotateLeft(b, 30);
        E12 = c;

        KW15 = Sha1.K0 + w15;
        KW16 = Sha1.K0 + w16;
        KW17 = Sha1.K0 + w17;
        S18 = w15 ^ w[4] ^ w[2];
        S19 = w16 ^ w[5] ^ w[3];
        S20 = w17 ^ w[6] ^ w[4];
        S21 = w[7] ^ w[5];
        S22 = w[8] ^ w[6];
        S23 = w15 ^ w[9] ^ w[7];
        S24 = w16 ^ w[8];
        S25 = w17 ^ w[9];
        S29 = w15;
        S30 = w16;
        S31 = w17 ^ w15;
        S32 = w16;
        S33 = w17;

        // The digest's last word is H4 + e80, and e80 = ROTL^30(a76): a76 alone decides it, four rounds early.
        uint[] expected = DucoS1.ExpectedState(work);
        A76 = Sha1.RotateLeft(expected[4] - Sha1.InitialHash[4], 2);
    }

    /// <summary>Round 10 without its message word: a11 = Round10 + W10.</summary>
    public uint Round10 { get; }

    /// <summary>Round 11 without ROTL^5(a) and its message word: a12 = ROTL^5(a11) + Round11 + W11.</summary>
    public uint Round11 { get; }

    /// <summary>Working variable c entering round 12 (ROTL^30 of a after round 9).</summary>
    public uint C12 { get; }

    /// <summary>Working variable d entering round 12 (ROTL^30 of b after round 9).</summary>
    public uint D12 { get; }

    /// <summary>Working variable e entering round 12 (c after round 9).</summary>
    public uint E12 { get; }

    /// <summary>K + W15 (the bit length word).</summary>
    public uint KW15 { get; }

    /// <summary>K + W16 (from nonce-independent words only).</summary>
    public uint KW16 { get; }

    /// <summary>K + W17 (from nonce-independent words only).</summary>
    public uint KW17 { get; }

    /// <summary>W18 = ROTL^1(W10 ⊕ S18).</summary>
    public uint S18 { get; }

    /// <summary>W19 = ROTL^1(W11 ⊕ S19).</summary>
    public uint S19 { get; }

    /// <summary>W20 = ROTL^1(W12 ⊕ S20).</summary>
    public uint S20 { get; }

    /// <summary>W21 = ROTL^1(W18 ⊕ S21).</summary>
    public uint S21 { get; }

    /// <summary>W22 = ROTL^1(W19 ⊕ S22).</summary>
    public uint S22 { get; }

    /// <summary>W23 = ROTL^1(W20 ⊕ S23).</summary>
    public uint S23 { get; }

    /// <summary>W24 = ROTL^1(W21 ⊕ W10 ⊕ S24).</summary>
    public uint S24 { get; }

    /// <summary>W25 = ROTL^1(W22 ⊕ W11 ⊕ S25).</summary>
    public uint S25 { get; }

    /// <summary>W29 = ROTL^1(W26 ⊕ W21 ⊕ S29).</summary>
    public uint S29 { get; }

    /// <summary>W30 = ROTL^1(W27 ⊕ W22 ⊕ S30).</summary>
    public uint S30 { get; }

    /// <summary>W31 = ROTL^1(W28 ⊕ W23 ⊕ S31).</summary>
    public uint S31 { get; }

    /// <summary>W32 = ROTL^1(W29 ⊕ W24 ⊕ W18 ⊕ S32).</summary>
    public uint S32 { get; }

    /// <summary>W33 = ROTL^1(W30 ⊕ W25 ⊕ W19 ⊕ S33).</summary>
    public uint S33 { get; }

    /// <summary>The a76 a lane must reach for its digest's last word to be the expected one.</summary>
    public uint A76 { get; }
}
