using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ArmSha256 = System.Runtime.Intrinsics.Arm.Sha256;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// sha256d with the ARMv8 SHA-2 instructions (Raspberry Pi 5 / Cortex-A76): SHA256H and SHA256H2 run four rounds
/// on the state halves {a,b,c,d} and {e,f,g,h}; SHA256SU0 and SHA256SU1 extend the schedule four words at a time
/// (Arm ARM, "SHA256H"; the same sequence as the Linux kernel's sha2-ce-core.S). Two nonces are interleaved so that
/// one's instructions fill the other's latency.
/// </summary>
internal sealed class Sha256dArmSha2Engine : INonceScanner
{
    /// <summary>True when the CPU and runtime offer the ARMv8 SHA-256 instructions. Asked only by <see cref="EngineCatalog"/>.</summary>
    public static bool IsSupported => ArmSha256.IsSupported;

    /// <inheritdoc />
    public string Name => "arm-sha2";

    /// <inheritdoc />
    public string Algorithm => Algorithms.Sha256d;

    /// <inheritdoc />
    public int Lanes => Sha256dArmSha2Kernel.Lanes;

    /// <inheritdoc />
    public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits) =>
        Sha256dLaneScan.Scan<Sha256dArmSha2Kernel>(work, firstNonce, count, hits);
}

/// <summary>
/// The nonce loop for the SHA-2 instructions. Their four-round steps cannot start mid-group, so unlike the lane
/// kernels this one hashes both blocks in full from the midstate; it still folds the padding words into the
/// round constants and compares only digest word 7 before asking the scalar reference.
/// </summary>
internal readonly struct Sha256dArmSha2Kernel : ISha256dKernel
{
    /// <inheritdoc />
    public static int Lanes => 2;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Scan(Sha256dPrecomputed job, uint firstNonce, ulong blocks, Sha256dCandidates confirm)
    {
        Debug.Assert(blocks * (ulong)Lanes <= NonceRange.Limit - firstNonce, "the blocks must stay below 2^32");
        RoundConstants k = default;
        for (int i = 0; i < 16; i++)
        {
            k[i] = Vector128.Create(Sha256.K[4 * i], Sha256.K[(4 * i) + 1], Sha256.K[(4 * i) + 2], Sha256.K[(4 * i) + 3]);
        }

        uint[] mid = job.Midstate;
        uint[] iv = Sha256.InitialHash;
        Vector128<uint> midAbcd = Vector128.Create(mid[0], mid[1], mid[2], mid[3]);
        Vector128<uint> midEfgh = Vector128.Create(mid[4], mid[5], mid[6], mid[7]);
        Vector128<uint> ivAbcd = Vector128.Create(iv[0], iv[1], iv[2], iv[3]);
        Vector128<uint> ivEfgh = Vector128.Create(iv[4], iv[5], iv[6], iv[7]);
        Vector128<uint> padding = Vector128.Create(Sha256dPrecomputed.PaddingWord, 0, 0, 0);
        Vector128<uint> headerBits = Vector128.Create(0, 0, 0, Sha256dPrecomputed.HeaderBits);
        Vector128<uint> digestBits = Vector128.Create(0, 0, 0, Sha256dPrecomputed.DigestBits);
        Vector128<uint> header = Vector128.Create(job.W0, job.W1, job.W2, 0);
        uint target7 = job.TargetWord7;
        uint nonce = firstNonce;
        for (ulong block = 0; block < blocks; block++, nonce += 2)
        {
            // Message words are big-endian (FIPS 180-4 §3.1); the nonce field is little-endian.
            Vector128<uint> x0 = header.WithElement(3, BinaryPrimitives.ReverseEndianness(nonce));
            Vector128<uint> y0 = header.WithElement(3, BinaryPrimitives.ReverseEndianness(nonce + 1));
            Vector128<uint> xAbcd = midAbcd, xEfgh = midEfgh, yAbcd = midAbcd, yEfgh = midEfgh;
            Compress2(ref xAbcd, ref xEfgh, ref yAbcd, ref yEfgh, x0, padding, y0, padding, Vector128<uint>.Zero, headerBits, ref k);

            // The first digest is the second hash's W0..W7: state words are already the big-endian message words.
            Vector128<uint> x4 = xEfgh + midEfgh, y4 = yEfgh + midEfgh;
            x0 = xAbcd + midAbcd;
            y0 = yAbcd + midAbcd;
            xAbcd = ivAbcd;
            xEfgh = ivEfgh;
            yAbcd = ivAbcd;
            yEfgh = ivEfgh;
            Compress2(ref xAbcd, ref xEfgh, ref yAbcd, ref yEfgh, x0, x4, y0, y4, padding, digestBits, ref k);

            // Digest word 7 is H7 + h; as a little-endian number it is the hash's most significant word.
            uint xWord7 = BinaryPrimitives.ReverseEndianness(xEfgh.GetElement(3) + iv[7]);
            uint yWord7 = BinaryPrimitives.ReverseEndianness(yEfgh.GetElement(3) + iv[7]);
            uint mask = (xWord7 <= target7 ? 1u : 0u) | (yWord7 <= target7 ? 2u : 0u);
            if (mask != 0)
            {
                confirm.Check(nonce, mask);
            }
        }
    }

    /// <summary>
    /// One SHA-256 compression of two blocks at once, x and y, whose words 8..15 are the same constants
    /// (<paramref name="w8"/>, <paramref name="w12"/>); the caller adds the chaining value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Compress2(
        ref Vector128<uint> xAbcd, ref Vector128<uint> xEfgh, ref Vector128<uint> yAbcd, ref Vector128<uint> yEfgh,
        Vector128<uint> x0, Vector128<uint> x4, Vector128<uint> y0, Vector128<uint> y4, Vector128<uint> w8, Vector128<uint> w12, ref RoundConstants k)
    {
        Vector128<uint> x8 = w8, x12 = w12, y8 = w8, y12 = w12;
        Rounds4(ref xAbcd, ref xEfgh, x0 + k[0], ref yAbcd, ref yEfgh, y0 + k[0]);
        Rounds4(ref xAbcd, ref xEfgh, x4 + k[1], ref yAbcd, ref yEfgh, y4 + k[1]);
        Vector128<uint> constant8 = w8 + k[2], constant12 = w12 + k[3];
        Rounds4(ref xAbcd, ref xEfgh, constant8, ref yAbcd, ref yEfgh, constant8);
        Rounds4(ref xAbcd, ref xEfgh, constant12, ref yAbcd, ref yEfgh, constant12);
        for (int group = 4; group < 16; group += 4)
        {
            x0 = Schedule(x0, x4, x8, x12);
            y0 = Schedule(y0, y4, y8, y12);
            Rounds4(ref xAbcd, ref xEfgh, x0 + k[group], ref yAbcd, ref yEfgh, y0 + k[group]);
            x4 = Schedule(x4, x8, x12, x0);
            y4 = Schedule(y4, y8, y12, y0);
            Rounds4(ref xAbcd, ref xEfgh, x4 + k[group + 1], ref yAbcd, ref yEfgh, y4 + k[group + 1]);
            x8 = Schedule(x8, x12, x0, x4);
            y8 = Schedule(y8, y12, y0, y4);
            Rounds4(ref xAbcd, ref xEfgh, x8 + k[group + 2], ref yAbcd, ref yEfgh, y8 + k[group + 2]);
            x12 = Schedule(x12, x0, x4, x8);
            y12 = Schedule(y12, y0, y4, y8);
            Rounds4(ref xAbcd, ref xEfgh, x12 + k[group + 3], ref yAbcd, ref yEfgh, y12 + k[group + 3]);
        }
    }

    /// <summary>Four rounds of each of the two states; SHA256H2 reads the {a,b,c,d} from before SHA256H updated it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds4(ref Vector128<uint> xAbcd, ref Vector128<uint> xEfgh, Vector128<uint> xWk, ref Vector128<uint> yAbcd, ref Vector128<uint> yEfgh, Vector128<uint> yWk)
    {
        Vector128<uint> xOld = xAbcd, yOld = yAbcd;
        xAbcd = ArmSha256.HashUpdate1(xAbcd, xEfgh, xWk);
        yAbcd = ArmSha256.HashUpdate1(yAbcd, yEfgh, yWk);
        xEfgh = ArmSha256.HashUpdate2(xEfgh, xOld, xWk);
        yEfgh = ArmSha256.HashUpdate2(yEfgh, yOld, yWk);
    }

    /// <summary>W[t+16..t+19] from W[t..t+15] (FIPS 180-4 §6.2.2 step 1, four words per SHA256SU0/SU1 pair).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Schedule(Vector128<uint> w0, Vector128<uint> w4, Vector128<uint> w8, Vector128<uint> w12) =>
        ArmSha256.ScheduleUpdate1(ArmSha256.ScheduleUpdate0(w0, w4), w8, w12);

    /// <summary>K0..K63 as sixteen vectors of four.</summary>
    [InlineArray(16)]
    private struct RoundConstants
    {
        private Vector128<uint> _k;
    }
}
