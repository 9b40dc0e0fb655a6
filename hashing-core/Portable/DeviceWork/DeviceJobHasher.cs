using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// Hashes the nonces of sha256d device jobs without allocating: the scratch state, message schedule and digest
    /// are allocated once with the hasher and reused for every nonce, and the job's midstate and tail words are read
    /// once per job. The ESP32 has a few tens of KiB of free heap and nanoFramework's collector stops the world, so
    /// per-nonce garbage (<see cref="DeviceJob.HashSha256d"/> makes four arrays a nonce) costs real hash rate there.
    /// One hasher per mining thread: it is not thread-safe.
    /// </summary>
    public sealed class DeviceJobHasher
    {
        private readonly uint[] _state = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _digest = new byte[Sha256.DigestSize];
        private DeviceJob? _job;
        private uint[]? _midstate;
        private uint _tail0;
        private uint _tail1;
        private uint _tail2;

        /// <summary>
        /// sha256d of <paramref name="job"/>'s header with <paramref name="nonce"/>, as 32 raw digest bytes (not display
        /// order), equal to <see cref="DeviceJob.HashSha256d"/>. The returned array is the hasher's own buffer: it is
        /// overwritten by the next call, so copy it to keep it.
        /// </summary>
        /// <exception cref="ArgumentNullException">When <paramref name="job"/> is null.</exception>
        /// <exception cref="InvalidOperationException">For a scrypt job.</exception>
        public byte[] Hash(DeviceJob job, uint nonce)
        {
            if (job != _job)
            {
                Load(job);
            }

            Sha256d.HashFromMidstate(_midstate!, _tail0, _tail1, _tail2, nonce, _state, _w, _digest);
            return _digest;
        }

        private void Load(DeviceJob job)
        {
            if (job == null)
            {
                throw new ArgumentNullException("job");
            }

            _midstate = job.GetMidstate();
            _tail0 = job.TailWord(0);
            _tail1 = job.TailWord(1);
            _tail2 = job.TailWord(2);
            _job = job;
        }
    }
}
