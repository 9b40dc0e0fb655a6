using System;
using System.Runtime.CompilerServices;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// The SHA-256 half of Litecoin's scrypt for a batch of consecutive nonces, one per lane: the lane-parallel twin of
/// the portable <see cref="ScryptHeaderHasher"/> (same 16 compressions per nonce, same message words), writing and
/// reading ROMix's word-interleaved block directly, so no lane ever leaves its vector between PBKDF2 and ROMix.
/// </summary>
/// <typeparam name="TVector">The vector type of <typeparamref name="TLanes"/>.</typeparam>
/// <typeparam name="TLanes">The lane width's operations.</typeparam>
internal sealed class LaneScryptHeaderHasher<TVector, TLanes>
    where TVector : struct
    where TLanes : struct, IScryptLanes, ILaneWords<TVector>
{
    private const uint InnerPad = 0x36363636;
    private const uint OuterPad = 0x5c5c5c5c;

    // Padding bit lengths (FIPS 180-4 §5.1.1), as in ScryptHeaderHasher: HMAC prefixes a 64-byte key block.
    private const uint HeaderBits = 80 * 8;
    private const uint InnerSaltBits = (64 + 80 + 4) * 8;
    private const uint InnerBlockBits = (64 + 128 + 4) * 8;
    private const uint OuterBits = (64 + 32) * 8;

    private readonly uint[] _midstate = new uint[8];
    private readonly uint[] _headerBlock = new uint[16];
    private readonly uint[] _tail = new uint[3];
    private readonly uint[] _nonces = new uint[TLanes.Count];
    private readonly uint[] _inner = new uint[8 * TLanes.Count];
    private readonly uint[] _outer = new uint[8 * TLanes.Count];
    private readonly uint[] _afterHeader = new uint[8 * TLanes.Count];
    private readonly uint[] _state = new uint[8 * TLanes.Count];
    private readonly uint[] _schedule = new uint[64 * TLanes.Count];

    /// <summary>Prepares the nonce-independent parts of <paramref name="work"/>'s header.</summary>
    public LaneScryptHeaderHasher(HeaderWork work)
    {
        Array.Copy(work.Midstate, _midstate, 8);
        Sha256.LoadBlock(work.HeaderWithNonce(0), 0, _headerBlock);
        for (int i = 0; i < 3; i++)
        {
            _tail[i] = work.TailWord(i);
        }
    }

    /// <summary>Keys the batch: HMAC key SHA-256(header with nonce firstNonce + lane), and its padded key states.</summary>
    public void KeyFor(uint firstNonce)
    {
        for (int lane = 0; lane < TLanes.Count; lane++)
        {
            uint nonce = firstNonce + (uint)lane;
            _nonces[lane] = (nonce >> 24) | ((nonce >> 8) & 0xff00) | ((nonce << 8) & 0xff0000) | (nonce << 24);
        }

        ref uint state = ref _state[0];
        ref uint w = ref _schedule[0];
        Broadcast(_midstate, ref state);
        LoadHeaderTail(ref w);
        Set(ref w, 4, 0x80000000);
        Clear(ref w, 5, 10);
        Set(ref w, 15, HeaderBits);
        LaneSha256.Compress<TVector, TLanes>(ref state, ref w);
        AbsorbKey(ref state, ref _inner[0], InnerPad);
        AbsorbKey(ref state, ref _outer[0], OuterPad);
    }

    /// <summary>B = PBKDF2-HMAC-SHA256(header, header, 1, 128) as 32 little-endian word vectors at <paramref name="block"/>.</summary>
    public void Expand(ref uint block)
    {
        ref uint afterHeader = ref _afterHeader[0];
        ref uint state = ref _state[0];
        ref uint w = ref _schedule[0];
        Copy(ref _inner[0], ref afterHeader, 8);
        Broadcast(_headerBlock, ref w);
        LaneSha256.Compress<TVector, TLanes>(ref afterHeader, ref w);
        for (uint index = 1; index <= 4; index++)
        {
            Copy(ref afterHeader, ref state, 8);
            LoadHeaderTail(ref w);
            Set(ref w, 4, index);
            Set(ref w, 5, 0x80000000);
            Clear(ref w, 6, 9);
            Set(ref w, 15, InnerSaltBits);
            LaneSha256.Compress<TVector, TLanes>(ref state, ref w);
            Outer(ref state, ref w);
            for (int k = 0; k < 8; k++)
            {
                TLanes.Store(LaneSha256.ReverseBytes<TVector, TLanes>(TLanes.Load(ref state, k)), ref block, ((int)(index - 1) * 8) + k);
            }
        }
    }

    /// <summary>
    /// The proof-of-work hash PBKDF2-HMAC-SHA256(header, B, 1, 32) of every lane's mixed block B at <paramref name="block"/>:
    /// 8 digest word vectors (big-endian words, as SHA-256 states) at <paramref name="digest"/>.
    /// </summary>
    public void Finish(ref uint block, ref uint digest)
    {
        ref uint w = ref _schedule[0];
        Copy(ref _inner[0], ref digest, 8);
        for (int half = 0; half < 2; half++)
        {
            for (int k = 0; k < 16; k++)
            {
                TLanes.Store(LaneSha256.ReverseBytes<TVector, TLanes>(TLanes.Load(ref block, (half * 16) + k)), ref w, k);
            }

            LaneSha256.Compress<TVector, TLanes>(ref digest, ref w);
        }

        Set(ref w, 0, 1);
        Set(ref w, 1, 0x80000000);
        Clear(ref w, 2, 13);
        Set(ref w, 15, InnerBlockBits);
        LaneSha256.Compress<TVector, TLanes>(ref digest, ref w);
        Outer(ref digest, ref w);
    }

    /// <summary>Replaces the inner digest at <paramref name="state"/> by the HMAC: SHA-256(outer key block ‖ inner digest).</summary>
    private void Outer(ref uint state, ref uint w)
    {
        Copy(ref state, ref w, 8);
        Set(ref w, 8, 0x80000000);
        Clear(ref w, 9, 6);
        Set(ref w, 15, OuterBits);
        Copy(ref _outer[0], ref state, 8);
        LaneSha256.Compress<TVector, TLanes>(ref state, ref w);
    }

    /// <summary>The state after compressing (key ‖ zeros) xor the pad into the initial hash (RFC 2104 §2).</summary>
    private void AbsorbKey(ref uint key, ref uint padded, uint pad)
    {
        ref uint w = ref _schedule[0];
        TVector padWord = TLanes.Broadcast(pad);
        for (int k = 0; k < 8; k++)
        {
            TLanes.Store(TLanes.Xor(TLanes.Load(ref key, k), padWord), ref w, k);
        }

        for (int k = 8; k < 16; k++)
        {
            TLanes.Store(padWord, ref w, k);
        }

        Broadcast(Sha256.InitialHash, ref padded);
        LaneSha256.Compress<TVector, TLanes>(ref padded, ref w);
    }

    /// <summary>Header bytes 64..79 as message words 0..3: merkle tail, ntime, nBits (shared), nonce (per lane).</summary>
    private void LoadHeaderTail(ref uint w)
    {
        Set(ref w, 0, _tail[0]);
        Set(ref w, 1, _tail[1]);
        Set(ref w, 2, _tail[2]);
        TLanes.Store(TLanes.Load(ref _nonces[0], 0), ref w, 3);
    }

    private static void Broadcast(uint[] words, ref uint vectors)
    {
        for (int k = 0; k < words.Length; k++)
        {
            Set(ref vectors, k, words[k]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set(ref uint vectors, int index, uint value) => TLanes.Store(TLanes.Broadcast(value), ref vectors, index);

    private static void Clear(ref uint vectors, int index, int count)
    {
        for (int k = index; k < index + count; k++)
        {
            Set(ref vectors, k, 0);
        }
    }

    private static void Copy(ref uint from, ref uint to, int count)
    {
        for (int k = 0; k < count; k++)
        {
            TLanes.Store(TLanes.Load(ref from, k), ref to, k);
        }
    }
}
