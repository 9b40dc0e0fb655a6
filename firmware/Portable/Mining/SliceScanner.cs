using System;
using System.Collections;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Hashes one slice of a device job with the shared portable code: sha256d from the job's midstate
    /// (<see cref="DeviceJob.HashSha256d"/>, which needs no header the device does not have), scrypt with
    /// <see cref="ScryptScalarScanner"/> over <see cref="DeviceJob.CreateScryptWork"/>.
    /// </summary>
    public sealed class SliceScanner
    {
        private readonly ScryptScalarScanner _scrypt = new ScryptScalarScanner();
        private readonly NonceHits _hits = new NonceHits();
        private DeviceJob? _scryptJob;
        private HeaderWork? _scryptWork;

        /// <summary>Hashes [<paramref name="firstNonce"/>, +<paramref name="count"/>) and appends a <see cref="FoundShare"/> per hit.</summary>
        public void Scan(DeviceJob job, uint firstNonce, int count, ArrayList found)
        {
            if (job.Algorithm == Algorithms.Sha256d)
            {
                ScanSha256d(job, firstNonce, count, found);
                return;
            }

            if (_scryptJob != job)
            {
                // Built once per job: the work copies the 76-byte prefix.
                _scryptWork = job.CreateScryptWork();
                _scryptJob = job;
            }

            _hits.Clear();
            _scrypt.Scan(_scryptWork!, firstNonce, (ulong)count, _hits);
            for (int i = 0; i < _hits.Count; i++)
            {
                // The scrypt digest is not kept by the scanner; the report then has the difficulty of the target.
                found.Add(new FoundShare(job, _hits[i], new byte[0]));
            }
        }

        private static void ScanSha256d(DeviceJob job, uint firstNonce, int count, ArrayList found)
        {
            Target target = job.Target;
            uint nonce = firstNonce;
            for (int i = 0; i < count; i++)
            {
                byte[] hash = job.HashSha256d(nonce);
                if (target.IsMetBy(hash))
                {
                    found.Add(new FoundShare(job, nonce, hash));
                }

                nonce = unchecked(nonce + 1);
            }
        }
    }
}
