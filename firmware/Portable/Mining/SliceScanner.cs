using System;
using System.Collections;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Hashes one slice of a device job with the shared portable code: sha256d from the job's midstate with a
    /// <see cref="DeviceJobHasher"/> (no header the device does not have, and no garbage per nonce), scrypt with
    /// <see cref="ScryptScalarScanner"/> over <see cref="DeviceJob.CreateScryptWork"/>.
    /// </summary>
    public sealed class SliceScanner
    {
        private readonly ScryptScalarScanner _scrypt = new ScryptScalarScanner();
        private readonly NonceHits _hits = new NonceHits();
        private readonly DeviceJobHasher _sha256d = new DeviceJobHasher();
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

        private void ScanSha256d(DeviceJob job, uint firstNonce, int count, ArrayList found)
        {
            Target target = job.Target;
            uint nonce = firstNonce;
            for (int i = 0; i < count; i++)
            {
                byte[] hash = _sha256d.Hash(job, nonce);
                if (target.IsMetBy(hash))
                {
                    // The hasher reuses its digest buffer: a share keeps its own copy.
                    byte[] kept = new byte[hash.Length];
                    Array.Copy(hash, kept, hash.Length);
                    found.Add(new FoundShare(job, nonce, kept));
                }

                nonce = unchecked(nonce + 1);
            }
        }
    }
}
