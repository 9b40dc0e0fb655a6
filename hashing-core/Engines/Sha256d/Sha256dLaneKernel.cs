using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// The sha256d nonce loop written once for every SIMD width: each lane of <typeparamref name="TVector"/> hashes its own
/// nonce, and the lanes hash consecutive nonces. What it skips, after pooler cpuminer (sha2.c, sha2-x64.S
/// sha256d_ms_4way) and cpuminer-opt (algo/sha/sha256d-4way.c):
/// <list type="bullet">
/// <item>header bytes 0..63, rounds 0..2 and most of round 3 of the second block, and the nonce-free parts of
/// W16..W32: once per scan (<see cref="Sha256dPrecomputed"/>);</item>
/// <item>the constant padding words of both hashes: folded into the round constants;</item>
/// <item>the second hash's rounds 61..63 and the a-half of rounds 57..60: digest word 7 is H7 + (e after round 60),
/// so the kernel stops there and compares that word with the target's most significant word. Only lanes that pass
/// (for a real target, about one nonce in 2^32) are hashed again by the scalar reference, which decides.</item>
/// </list>
/// The rounds run eight per loop iteration with the usual variable renaming, and from W33/W36 on each round expands
/// its own schedule word. A fully unrolled variant (split into several methods to stay inside the JIT's inlining
/// limits) measured 10 % slower than these loops on this machine, so the loops stay.
/// </summary>
/// <typeparam name="TVector">The register type.</typeparam>
/// <typeparam name="TLanes">The instruction set's word operations.</typeparam>
internal readonly struct Sha256dLaneKernel<TVector, TLanes> : ISha256dKernel
    where TVector : unmanaged
    where TLanes : struct, ISha256Lanes<TVector>
{
    /// <inheritdoc />
    public static int Lanes => TLanes.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Scan(Sha256dPrecomputed job, uint firstNonce, ulong blocks, Sha256dCandidates confirm)
    {
        Debug.Assert(blocks * (ulong)TLanes.Count <= NonceRange.Limit - firstNonce, "the blocks must stay below 2^32");

        // Separate schedules: each keeps zeros where its hash has padding words folded into its round constants.
        Schedule kw1Buffer = default, kw2Buffer = default, w1Buffer = default, w2Buffer = default;
        Span<TVector> kw1 = kw1Buffer, kw2 = kw2Buffer, w1 = w1Buffer, w2 = w2Buffer;
        FirstHashConstants(kw1);
        SecondHashConstants(kw2);

        TVector round3A = TLanes.Broadcast(job.Round3A);
        TVector round3E = TLanes.Broadcast(job.Round3E);
        TVector target7 = TLanes.Broadcast(job.TargetWord7);
        TVector h7 = TLanes.Broadcast(Sha256.InitialHash[7]);
        TVector step = TLanes.Broadcast((uint)TLanes.Count);
        TVector nonces = TLanes.Add(TLanes.Broadcast(firstNonce), TLanes.Indices);
        uint blockNonce = firstNonce;
        for (ulong block = 0; block < blocks; block++)
        {
            TVector w3 = TLanes.ByteSwap(nonces);
            FirstHash(job, w3, round3A, round3E, w1, kw1, w2);
            TVector hash7 = TLanes.Add(h7, SecondHashE61(job, w2, kw2));
            if (TLanes.AnyAtOrBelow(TLanes.ByteSwap(hash7), target7))
            {
                confirm.Check(blockNonce, TLanes.AtOrBelowMask(TLanes.ByteSwap(hash7), target7));
            }

            nonces = TLanes.Add(nonces, step);
            blockNonce += (uint)TLanes.Count;
        }
    }

    /// <summary>
    /// Rounds 3..63 of the header's second block from the precomputed state; writes the first digest to
    /// <paramref name="digest"/>[0..7], the second hash's message.
    /// </summary>
    /// <remarks>
    /// Not inlined on purpose: each hash is its own JIT root with its own inlining budget. In one root the budget
    /// ran out before every lane operation was inlined (measured: Vector128 fell from 8.3 to 5.4 MH/s), and the two
    /// calls per block cost nothing next to 120 rounds.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void FirstHash(Sha256dPrecomputed job, TVector w3, TVector round3A, TVector round3E, Span<TVector> w, Span<TVector> kw, Span<TVector> digest)
    {
        FirstSchedule(job, w3, w);

        TVector a = TLanes.Add(round3A, w3);
        TVector b = TLanes.Broadcast(job.Round3B);
        TVector c = TLanes.Broadcast(job.Round3C);
        TVector d = TLanes.Broadcast(job.Round3D);
        TVector e = TLanes.Add(round3E, w3);
        TVector f = TLanes.Broadcast(job.Round3F);
        TVector g = TLanes.Broadcast(job.Round3G);
        TVector h = TLanes.Broadcast(job.Round3H);
        for (int t = 4; t < 36; t += 8)
        {
            Rounds8(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, kw, w, t);
        }

        for (int t = 36; t < 60; t += 8)
        {
            ExpandingRounds8(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, kw, w, t);
        }

        Span<TVector> window = w.Slice(60 - 16, 20);
        Round(a, b, c, ref d, e, f, g, ref h, TLanes.Add(kw[60], Expanded(window, 16)));
        Round(h, a, b, ref c, d, e, f, ref g, TLanes.Add(kw[61], Expanded(window, 17)));
        Round(g, h, a, ref b, c, d, e, ref f, TLanes.Add(kw[62], Expanded(window, 18)));
        Round(f, g, h, ref a, b, c, d, ref e, TLanes.Add(kw[63], Expanded(window, 19)));

        // After 60 rounds from round 4 the state (A..H) sits in (e, f, g, h, a, b, c, d).
        uint[] mid = job.Midstate;
        digest[0] = TLanes.Add(TLanes.Broadcast(mid[0]), e);
        digest[1] = TLanes.Add(TLanes.Broadcast(mid[1]), f);
        digest[2] = TLanes.Add(TLanes.Broadcast(mid[2]), g);
        digest[3] = TLanes.Add(TLanes.Broadcast(mid[3]), h);
        digest[4] = TLanes.Add(TLanes.Broadcast(mid[4]), a);
        digest[5] = TLanes.Add(TLanes.Broadcast(mid[5]), b);
        digest[6] = TLanes.Add(TLanes.Broadcast(mid[6]), c);
        digest[7] = TLanes.Add(TLanes.Broadcast(mid[7]), d);
    }

    /// <summary>
    /// W16..W35 of the header's second block (W0..W2 fixed, W3 the nonce, W4..W15 padding, see
    /// <see cref="Sha256dPrecomputed"/>); the rounds expand W36..W63 themselves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FirstSchedule(Sha256dPrecomputed job, TVector w3, Span<TVector> w)
    {
        w[16] = TLanes.Broadcast(job.W16);
        w[17] = TLanes.Broadcast(job.W17);
        w[18] = TLanes.Add(TLanes.SmallSigma0(w3), TLanes.Broadcast(job.W18Part));
        w[19] = TLanes.Add(w3, TLanes.Broadcast(job.W19Part));
        w[20] = TLanes.Add(TLanes.SmallSigma1(w[18]), TLanes.Broadcast(Sha256dPrecomputed.PaddingWord));
        w[21] = TLanes.SmallSigma1(w[19]);
        w[22] = TLanes.Add(TLanes.SmallSigma1(w[20]), TLanes.Broadcast(Sha256dPrecomputed.HeaderBits));
        for (int t = 23; t < 30; t++)
        {
            w[t] = TLanes.Add(TLanes.SmallSigma1(w[t - 2]), w[t - 7]);
        }

        w[30] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[28]), w[23]), TLanes.Broadcast(job.W30Part));
        w[31] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[29]), w[24]), TLanes.Broadcast(job.W31Part));
        w[32] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[30]), w[25]), TLanes.Broadcast(job.W32Part));
        Expanded(w, 33);
        Expanded(w, 34);
        Expanded(w, 35);
    }

    /// <summary>
    /// The second SHA-256 over the first digest in <paramref name="w"/>[0..7], as far as e after round 60
    /// (digest word 7 = H7 + that e, FIPS 180-4 §6.2.2: h after round 63 is e after round 60).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static TVector SecondHashE61(Sha256dPrecomputed job, Span<TVector> w, Span<TVector> kw)
    {
        SecondSchedule(job, w);

        uint[] iv = Sha256.InitialHash;
        TVector a = TLanes.Add(TLanes.Broadcast(job.SecondRound0A), w[0]);
        TVector b = TLanes.Broadcast(iv[0]);
        TVector c = TLanes.Broadcast(iv[1]);
        TVector d = TLanes.Broadcast(iv[2]);
        TVector e = TLanes.Add(TLanes.Broadcast(job.SecondRound0E), w[0]);
        TVector f = TLanes.Broadcast(iv[4]);
        TVector g = TLanes.Broadcast(iv[5]);
        TVector h = TLanes.Broadcast(iv[6]);
        for (int t = 1; t < 33; t += 8)
        {
            Rounds8(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, kw, w, t);
        }

        for (int t = 33; t < 57; t += 8)
        {
            ExpandingRounds8(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, kw, w, t);
        }

        // Rounds 57..60 only as far as e: their new a would first be read by round 61's e via d = a of round 57.
        Span<TVector> window = w.Slice(57 - 16, 20);
        d = TLanes.Add(d, RoundT1(e, f, g, h, TLanes.Add(kw[57], Expanded(window, 16))));
        c = TLanes.Add(c, RoundT1(d, e, f, g, TLanes.Add(kw[58], Expanded(window, 17))));
        b = TLanes.Add(b, RoundT1(c, d, e, f, TLanes.Add(kw[59], Expanded(window, 18))));
        return TLanes.Add(a, RoundT1(b, c, d, e, TLanes.Add(kw[60], Expanded(window, 19))));
    }

    /// <summary>
    /// W16..W32 of the second hash (W0..W7 the first digest, W8 = 0x80000000, W9..W14 = 0, W15 = 256); the rounds
    /// expand W33..W60 themselves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SecondSchedule(Sha256dPrecomputed job, Span<TVector> w)
    {
        TVector padding = TLanes.Broadcast(Sha256dPrecomputed.PaddingWord);
        TVector bits = TLanes.Broadcast(Sha256dPrecomputed.DigestBits);
        w[16] = TLanes.Add(TLanes.SmallSigma0(w[1]), w[0]);
        w[17] = TLanes.Add(TLanes.Add(TLanes.SmallSigma0(w[2]), w[1]), TLanes.Broadcast(job.SecondW17Part));
        for (int t = 18; t < 22; t++)
        {
            w[t] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[t - 2]), TLanes.SmallSigma0(w[t - 15])), w[t - 16]);
        }

        w[22] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[20]), TLanes.SmallSigma0(w[7])), TLanes.Add(w[6], bits));
        w[23] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[21]), w[16]), TLanes.Add(w[7], TLanes.Broadcast(job.SecondW23Part)));
        w[24] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[22]), w[17]), padding);
        for (int t = 25; t < 30; t++)
        {
            w[t] = TLanes.Add(TLanes.SmallSigma1(w[t - 2]), w[t - 7]);
        }

        w[30] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[28]), w[23]), TLanes.Broadcast(job.SecondW30Part));
        w[31] = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w[29]), w[24]), TLanes.Add(TLanes.SmallSigma0(w[16]), bits));
        Expanded(w, 32);
    }

    /// <summary>
    /// Round constants with the constant message words folded in: K[t] + W[t] for the padding words 4..15 of the
    /// header's second block, K[t] where W[t] varies (the schedule buffer then holds 0 for the folded words).
    /// </summary>
    private static void FirstHashConstants(Span<TVector> kw)
    {
        for (int t = 0; t < 64; t++)
        {
            kw[t] = TLanes.Broadcast(Sha256.K[t]);
        }

        kw[4] = TLanes.Broadcast(Sha256.K[4] + Sha256dPrecomputed.PaddingWord);
        kw[15] = TLanes.Broadcast(Sha256.K[15] + Sha256dPrecomputed.HeaderBits);
    }

    /// <summary>The same for the second hash, whose words 8..15 are padding.</summary>
    private static void SecondHashConstants(Span<TVector> kw)
    {
        for (int t = 0; t < 64; t++)
        {
            kw[t] = TLanes.Broadcast(Sha256.K[t]);
        }

        kw[8] = TLanes.Broadcast(Sha256.K[8] + Sha256dPrecomputed.PaddingWord);
        kw[15] = TLanes.Broadcast(Sha256.K[15] + Sha256dPrecomputed.DigestBits);
    }

    /// <summary>Eight rounds from round <paramref name="t"/>; the state comes back in the same variables (FIPS 180-4 §6.2.2 step 3, with the renaming of the usual unrolled code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds8(ref TVector a, ref TVector b, ref TVector c, ref TVector d, ref TVector e, ref TVector f, ref TVector g, ref TVector h, Span<TVector> kw, Span<TVector> w, int t)
    {
        // Slices of exactly eight: one range check per eight rounds, then constant offsets from one base register.
        Span<TVector> k8 = kw.Slice(t, 8);
        Span<TVector> w8 = w.Slice(t, 8);
        Round(a, b, c, ref d, e, f, g, ref h, TLanes.Add(k8[0], w8[0]));
        Round(h, a, b, ref c, d, e, f, ref g, TLanes.Add(k8[1], w8[1]));
        Round(g, h, a, ref b, c, d, e, ref f, TLanes.Add(k8[2], w8[2]));
        Round(f, g, h, ref a, b, c, d, ref e, TLanes.Add(k8[3], w8[3]));
        Round(e, f, g, ref h, a, b, c, ref d, TLanes.Add(k8[4], w8[4]));
        Round(d, e, f, ref g, h, a, b, ref c, TLanes.Add(k8[5], w8[5]));
        Round(c, d, e, ref f, g, h, a, ref b, TLanes.Add(k8[6], w8[6]));
        Round(b, c, d, ref e, f, g, h, ref a, TLanes.Add(k8[7], w8[7]));
    }

    /// <summary>
    /// Eight rounds from round <paramref name="t"/>, each computing its own schedule word just before using it.
    /// Measured faster than expanding the whole schedule first (avx512 20 → 25 MH/s per CPU-second here): the new
    /// word goes straight into its round from a register, and the schedule's work fills the gaps of the round's
    /// dependency chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ExpandingRounds8(ref TVector a, ref TVector b, ref TVector c, ref TVector d, ref TVector e, ref TVector f, ref TVector g, ref TVector h, Span<TVector> kw, Span<TVector> w, int t)
    {
        Span<TVector> k8 = kw.Slice(t, 8);
        Span<TVector> window = w.Slice(t - 16, 24);
        Round(a, b, c, ref d, e, f, g, ref h, TLanes.Add(k8[0], Expanded(window, 16)));
        Round(h, a, b, ref c, d, e, f, ref g, TLanes.Add(k8[1], Expanded(window, 17)));
        Round(g, h, a, ref b, c, d, e, ref f, TLanes.Add(k8[2], Expanded(window, 18)));
        Round(f, g, h, ref a, b, c, d, ref e, TLanes.Add(k8[3], Expanded(window, 19)));
        Round(e, f, g, ref h, a, b, c, ref d, TLanes.Add(k8[4], Expanded(window, 20)));
        Round(d, e, f, ref g, h, a, b, ref c, TLanes.Add(k8[5], Expanded(window, 21)));
        Round(c, d, e, ref f, g, h, a, ref b, TLanes.Add(k8[6], Expanded(window, 22)));
        Round(b, c, d, ref e, f, g, h, ref a, TLanes.Add(k8[7], Expanded(window, 23)));
    }

    /// <summary>Computes, stores and returns window[i] = σ1(window[i-2]) + window[i-7] + σ0(window[i-15]) + window[i-16] (FIPS 180-4 §6.2.2 step 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Expanded(Span<TVector> window, int i)
    {
        TVector word = TLanes.Add(TLanes.Add(TLanes.SmallSigma1(window[i - 2]), window[i - 7]), TLanes.Add(TLanes.SmallSigma0(window[i - 15]), window[i - 16]));
        window[i] = word;
        return word;
    }

    /// <summary>One round: d += T1 becomes the new e, h = T1 + T2 the new a; the caller renames the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(TVector a, TVector b, TVector c, ref TVector d, TVector e, TVector f, TVector g, ref TVector h, TVector kw)
    {
        TVector t1 = RoundT1(e, f, g, h, kw);
        d = TLanes.Add(d, t1);
        h = TLanes.Add(t1, TLanes.Add(TLanes.BigSigma0(a), TLanes.Majority(a, b, c)));
    }

    /// <summary>T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RoundT1(TVector e, TVector f, TVector g, TVector h, TVector kw)
    {
        return TLanes.Add(TLanes.Add(h, kw), TLanes.Add(TLanes.BigSigma1(e), TLanes.Choose(e, f, g)));
    }

    /// <summary>64 registers: a message schedule or a table of round constants, on the stack.</summary>
    [InlineArray(64)]
    private struct Schedule
    {
        private TVector _word;
    }
}
