using System;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Picks the sha256d engine once, at start: the first candidate (the board's native engines, fastest first) that
    /// passes a self-test, else the managed engine. A candidate whose native method the image lacks throws on its first
    /// call; that exception (whatever its type), or a wrong answer, only means "try the next one", as
    /// System.Device.Gpio's controller treats a driver that cannot start.
    /// </summary>
    public static class SliceEngineChoice
    {
        // Bitcoin's genesis block header (block 0) and its nonce: a real hash with a real target (nBits 0x1d00ffff).
        private const string GenesisHeader =
            "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";

        private const uint GenesisNonce = 2083236893;

        /// <summary>Nonces the self-test scans on each side of the genesis nonce.</summary>
        private const int SelfTestMargin = 8;

        /// <summary>
        /// The engine to hash with: the first of <paramref name="candidates"/> that finds the genesis nonce, and nothing
        /// else, in the nonces around it; <see cref="ManagedSliceEngine"/> when none does (or none is given).
        /// </summary>
        /// <param name="candidates">Engines to try in order; may be null or empty.</param>
        /// <param name="rejected">The candidates that failed and why, one per line; empty when none failed.</param>
        public static ISliceHashEngine Pick(ISliceHashEngine[]? candidates, out string rejected)
        {
            rejected = string.Empty;
            if (candidates != null && candidates.Length > 0)
            {
                DeviceJob genesis = GenesisJob();
                for (int i = 0; i < candidates.Length; i++)
                {
                    ISliceHashEngine candidate = candidates[i];
                    string failure = SelfTest(candidate, genesis);
                    if (failure.Length == 0)
                    {
                        return candidate;
                    }

                    rejected += (rejected.Length == 0 ? string.Empty : "\n") + failure;
                }
            }

            return new ManagedSliceEngine();
        }

        /// <summary>Empty when <paramref name="engine"/> reports exactly the genesis nonce around it, else why not.</summary>
        public static string SelfTest(ISliceHashEngine engine, DeviceJob genesis)
        {
            NonceHits hits = new NonceHits();
            try
            {
                engine.ScanSha256d(genesis, GenesisNonce - SelfTestMargin, (2 * SelfTestMargin) + 1, hits);
            }
            catch (Exception ex)
            {
                // The exception a missing internal call raises is the runtime's to choose: any exception disqualifies.
                return engine.Name + ": " + ex.GetType().Name + " (" + ex.Message + ")";
            }

            if (hits.Count != 1 || hits[0] != GenesisNonce)
            {
                return engine.Name + ": found " + hits.Count + " hits around the genesis nonce instead of exactly " + GenesisNonce;
            }

            return string.Empty;
        }

        /// <summary>The genesis block as a device job (midstate and tail, as the gateway sends jobs), at its own target.</summary>
        public static DeviceJob GenesisJob()
        {
            byte[] header = Hex.Decode(GenesisHeader);
            byte[] tail = new byte[DeviceJob.TailLength];
            Array.Copy(header, 64, tail, 0, DeviceJob.TailLength);
            uint bits = (uint)(header[72] | (header[73] << 8) | (header[74] << 16) | (header[75] << 24));
            return DeviceJob.ForSha256d(0, Sha256.Midstate(header, 0), tail, Target.FromCompact(bits), 0, NonceRange.Limit, 0, 0);
        }
    }
}
