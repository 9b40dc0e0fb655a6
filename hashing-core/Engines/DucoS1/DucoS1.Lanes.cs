using System;
using System.Numerics;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// DUCO-S1 scanning on <typeparamref name="TLanes"/>'s vectors, one nonce per lane, shared by the 512-, 256- and
/// 128-bit engines. Nonces are ASCII decimal, so the message length, padding and length word depend on the digit
/// count: a range is split at 10, 100, 1000, … and every batch of lanes holds consecutive nonces of one digit count.
/// The last nonces of each digit count that do not fill a batch, and jobs whose last hash is not the 40 characters
/// Duino-Coin sends, go to <see cref="DucoS1ScalarScanner"/>; hits are reported in ascending order either way.
/// </summary>
internal static partial class DucoS1Lanes<TVector, TLanes>
    where TVector : struct
    where TLanes : ISha1Lanes<TVector>
{
    private static readonly DucoS1ScalarScanner Scalar = new();

    /// <summary>The engines' <see cref="INonceScanner.Scan"/>.</summary>
    public static void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
    {
        DucoWork duco = DucoS1.RequireWork(work);
        NonceRange.Check(firstNonce, count);
        ArgumentNullException.ThrowIfNull(hits);
        if (duco.LastHash.Length != DucoS1LaneConstants.LastHashLength)
        {
            Scalar.Scan(duco, firstNonce, count, hits);
            return;
        }

        ulong lanes = (ulong)TLanes.Count;
        ulong end = firstNonce + count;
        for (ulong next = firstNonce; next < end;)
        {
            int digits = DucoS1Message.DigitCount((uint)next);
            ulong segmentEnd = Math.Min(end, PowerOfTen(digits));
            ulong batched = (segmentEnd - next) / lanes * lanes;
            if (batched > 0)
            {
                ScanBatches(duco, digits, (uint)next, batched, hits);
            }

            if (next + batched < segmentEnd)
            {
                Scalar.Scan(duco, (uint)(next + batched), segmentEnd - next - batched, hits);
            }

            next = segmentEnd;
        }
    }

    // count is a multiple of the lane count and every nonce in the range has `digits` digits.
    private static void ScanBatches(DucoWork work, int digits, uint first, ulong count, NonceHits hits)
    {
        var constants = new DucoS1LaneConstants(work, digits);
        DucoS1DigitLayout layout = DucoS1DigitLayout.For(digits);
        TVector target = TLanes.Broadcast(constants.A76);
        int lanes = TLanes.Count;
        uint hundreds = first / 100;
        int position = (int)(first % 100);
        layout.HighWords(hundreds, out uint h10, out uint h11, out uint h12);
        layout.HighWords(hundreds + 1, out uint n10, out uint n11, out uint n12);
        uint nonce = first;
        for (ulong done = 0; done < count; done += (ulong)lanes)
        {
            // Lanes past the end of the hundred take the next hundred's leading digits.
            TVector next = TLanes.Load(layout.NextHundred, position);
            TVector w10 = TLanes.Or(TLanes.Select(next, TLanes.Broadcast(n10), TLanes.Broadcast(h10)), TLanes.Load(layout.Low10, position));
            TVector w11 = TLanes.Or(TLanes.Select(next, TLanes.Broadcast(n11), TLanes.Broadcast(h11)), TLanes.Load(layout.Low11, position));
            TVector w12 = TLanes.Or(TLanes.Select(next, TLanes.Broadcast(n12), TLanes.Broadcast(h12)), TLanes.Load(layout.Low12, position));
            ulong candidates = TLanes.EqualLanes(A76(constants, w10, w11, w12), target);
            if (candidates != 0)
            {
                Verify(work, nonce, candidates, hits);
            }

            nonce = unchecked(nonce + (uint)lanes);
            position += lanes;
            if (position >= 100)
            {
                position -= 100;
                hundreds++;
                (h10, h11, h12) = (n10, n11, n12);
                layout.HighWords(hundreds + 1, out n10, out n11, out n12);
            }
        }
    }

    // a76 matching fixes only the digest's last word: confirm the whole digest (a false candidate has odds 2^-32).
    private static void Verify(DucoWork work, uint first, ulong candidates, NonceHits hits)
    {
        for (; candidates != 0; candidates &= candidates - 1)
        {
            uint nonce = first + (uint)BitOperations.TrailingZeroCount(candidates);
            byte[] digest = DucoS1.Hash(work.LastHash, nonce);
            bool equal = true;
            for (int i = 0; i < Sha1.DigestSize; i++)
            {
                equal &= digest[i] == work.ExpectedByte(i);
            }

            if (equal)
            {
                hits.Add(nonce);
            }
        }
    }

    private static ulong PowerOfTen(int exponent)
    {
        ulong power = 1;
        for (int i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }
}
