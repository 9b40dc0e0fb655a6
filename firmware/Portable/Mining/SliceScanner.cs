using System;
using System.Collections;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Hashes one slice of a device job: sha256d with the engine <see cref="SliceEngineChoice"/> picked (the native
    /// kernels or the managed <see cref="DeviceJobHasher"/>), each hit confirmed with the managed hasher so an engine bug
    /// never reaches the gateway; scrypt with <see cref="ScryptScalarScanner"/> over <see cref="DeviceJob.CreateScryptWork"/>.
    /// </summary>
    public sealed class SliceScanner
    {
        private readonly ScryptScalarScanner _scrypt = new ScryptScalarScanner();
        private readonly NonceHits _hits = new NonceHits();
        private readonly DeviceJobHasher _sha256d = new DeviceJobHasher();
        private readonly ISliceHashEngine _engine;
        private DeviceJob? _scryptJob;
        private HeaderWork? _scryptWork;
        private int _unconfirmed;

        /// <summary>A scanner hashing sha256d with the managed engine.</summary>
        public SliceScanner()
            : this(new ManagedSliceEngine())
        {
        }

        /// <summary>A scanner hashing sha256d with <paramref name="engine"/>.</summary>
        public SliceScanner(ISliceHashEngine engine)
        {
            if (engine == null)
            {
                throw new ArgumentNullException("engine");
            }

            _engine = engine;
        }

        /// <summary>Hits the engine reported that the managed hasher found not to meet the target (dropped; an engine bug).</summary>
        public int Unconfirmed
        {
            get { return _unconfirmed; }
        }

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

        /// <summary>
        /// Appends to <paramref name="confirmed"/> every solution of a DUCO-S1 job in [<paramref name="firstNonce"/>,
        /// +<paramref name="count"/>) the engine found and <see cref="DucoS1.Hash"/> confirms.
        /// </summary>
        public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits confirmed)
        {
            _hits.Clear();
            _engine.ScanDucoS1(work, firstNonce, count, _hits);
            for (int i = 0; i < _hits.Count; i++)
            {
                uint nonce = _hits[i];
                byte[] digest = DucoS1.Hash(work.LastHash, nonce);
                bool equal = true;
                for (int b = 0; b < digest.Length; b++)
                {
                    equal &= digest[b] == work.ExpectedByte(b);
                }

                if (equal)
                {
                    confirmed.Add(nonce);
                }
                else
                {
                    _unconfirmed++;
                }
            }
        }

        private void ScanSha256d(DeviceJob job, uint firstNonce, int count, ArrayList found)
        {
            _hits.Clear();
            _engine.ScanSha256d(job, firstNonce, count, _hits);
            Target target = job.Target;
            for (int i = 0; i < _hits.Count; i++)
            {
                uint nonce = _hits[i];
                byte[] hash = _sha256d.Hash(job, nonce);
                if (!target.IsMetBy(hash))
                {
                    _unconfirmed++;
                    continue;
                }

                // The hasher reuses its digest buffer: a share keeps its own copy.
                byte[] kept = new byte[hash.Length];
                Array.Copy(hash, kept, hash.Length);
                found.Add(new FoundShare(job, nonce, kept));
            }
        }
    }
}
