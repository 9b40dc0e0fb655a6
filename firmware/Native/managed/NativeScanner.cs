using System.Runtime.CompilerServices;

namespace IotMinerAgent.Native
{
    /// <summary>
    /// The native hashing kernels of firmware/Native, called from C# through nanoFramework's interop
    /// (<see cref="MethodImplOptions.InternalCall"/>): implemented in C by a custom nanoCLR image built with this
    /// assembly in <c>NF_INTEROP_ASSEMBLIES</c> (firmware/README.md, "Native hashing"). On an image without them the
    /// deployment tools refuse this assembly, so a firmware references it only in its native build.
    /// A call runs to completion inside the interpreter: every managed thread waits for it, so callers keep each call
    /// to a slice of a few tens of milliseconds.
    /// </summary>
    public static class NativeScanner
    {
        /// <summary>Words of a sha256d job for <see cref="ScanSha256d"/>: midstate (8), header tail (3), target (8).</summary>
        public const int Sha256dJobWords = 19;

        /// <summary>The software kernel (<c>native-soft</c>).</summary>
        public const int EngineSoft = 1;

        /// <summary>The ESP32's SHA peripheral (<c>native-esp32-sha</c>), used only after it passed its self-test.</summary>
        public const int EngineEsp32Sha = 2;

        /// <summary>The sha256d engine in use, <see cref="EngineSoft"/> or <see cref="EngineEsp32Sha"/>; the first call runs the self-test.</summary>
        /// <returns>The engine number.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Engine();

        /// <summary>
        /// Scans nonces <paramref name="firstNonce"/> .. + <paramref name="count"/> - 1 of a sha256d job and writes the
        /// nonces that meet its target to <paramref name="hits"/>, ascending.
        /// </summary>
        /// <param name="job">Midstate (8 words), header bytes 64..75 as big-endian words (3), target words least significant first (8).</param>
        /// <param name="firstNonce">The first nonce.</param>
        /// <param name="count">How many nonces; first + count must not pass 2^32.</param>
        /// <param name="hits">Receives up to its length of hits.</param>
        /// <returns>How many hits there were (more than <paramref name="hits"/> holds when it is too short).</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int ScanSha256d(uint[] job, uint firstNonce, uint count, uint[] hits);

        /// <summary>
        /// Scans nonces of a DUCO-S1 job: a hit is a nonce n with sha1(lastHash + decimal n) equal to the expected digest.
        /// </summary>
        /// <param name="lastHash">The job's last hash as ASCII bytes.</param>
        /// <param name="expected">The expected SHA-1 digest as five big-endian words.</param>
        /// <param name="firstNonce">The first nonce.</param>
        /// <param name="count">How many nonces; first + count must not pass 2^32.</param>
        /// <param name="hits">Receives up to its length of hits.</param>
        /// <returns>How many hits there were.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int ScanDucoS1(byte[] lastHash, uint[] expected, uint firstNonce, uint count, uint[] hits);
    }
}
