using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// The managed engine every image has: <see cref="DeviceJobHasher"/> per nonce (sha256d from the job's midstate into
    /// reused buffers, no garbage per nonce) and the exact target comparison; DUCO-S1 with the portable
    /// <see cref="DucoS1ScalarScanner"/> (decimal digits incremented in place). Named <c>scalar</c> like the Linux agent's
    /// engine running the same portable code, so one <c>engine</c> vocabulary serves both (docs/mqtt.md).
    /// </summary>
    public sealed class ManagedSliceEngine : ISliceHashEngine
    {
        /// <summary>The engine's name in the status.</summary>
        public const string EngineName = "scalar";

        private readonly DeviceJobHasher _hasher = new DeviceJobHasher();
        private readonly DucoS1ScalarScanner _duco = new DucoS1ScalarScanner();

        /// <inheritdoc />
        public string Name
        {
            get { return EngineName; }
        }

        /// <inheritdoc />
        public void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits)
        {
            Target target = job.Target;
            uint nonce = firstNonce;
            for (int i = 0; i < count; i++)
            {
                if (target.IsMetBy(_hasher.Hash(job, nonce)))
                {
                    hits.Add(nonce);
                }

                nonce = unchecked(nonce + 1);
            }
        }

        /// <inheritdoc />
        public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits)
        {
            _duco.Scan(work, firstNonce, (ulong)count, hits);
        }
    }
}
