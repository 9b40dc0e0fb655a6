using System;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// The device's one job (docs/mqtt.md: "A device keeps only its newest job") and how far it is scanned. Its
    /// lifetime counts from receipt, not from the gateway's issue time: the board may have no clock.
    /// </summary>
    public sealed class JobSlot
    {
        private readonly object _gate = new object();
        private DeviceJob? _job;
        private long _receivedAtMs;
        private ulong _scanned;

        /// <summary>Replaces the job (a new job always wins: the gateway sends one when upstream moves on).</summary>
        public void Replace(DeviceJob job, long nowMs)
        {
            lock (_gate)
            {
                _job = job;
                _receivedAtMs = nowMs;
                _scanned = 0;
            }
        }

        /// <summary>Forgets the job.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _job = null;
            }
        }

        /// <summary>The job, or null.</summary>
        public DeviceJob? Current
        {
            get
            {
                lock (_gate)
                {
                    return _job;
                }
            }
        }

        /// <summary>True when there is a job whose lifetime has passed.</summary>
        public bool IsExpired(long nowMs)
        {
            lock (_gate)
            {
                return _job != null && nowMs - _receivedAtMs >= _job.LifetimeSeconds * 1000L;
            }
        }

        /// <summary>True when there is a job whose whole range is handed out.</summary>
        public bool IsExhausted
        {
            get
            {
                lock (_gate)
                {
                    return _job != null && _scanned >= _job.NonceCount;
                }
            }
        }

        /// <summary>
        /// Hands out the next at most <paramref name="maxNonces"/> nonces of a live job.
        /// </summary>
        /// <returns>The job, or null when there is none, it expired or it is exhausted.</returns>
        public DeviceJob? Take(int maxNonces, long nowMs, out uint firstNonce, out int count)
        {
            lock (_gate)
            {
                firstNonce = 0;
                count = 0;
                if (_job == null || nowMs - _receivedAtMs >= _job.LifetimeSeconds * 1000L || _scanned >= _job.NonceCount)
                {
                    return null;
                }

                ulong left = _job.NonceCount - _scanned;
                count = left < (ulong)maxNonces ? (int)left : maxNonces;
                firstNonce = (uint)(_job.FirstNonce + _scanned);
                _scanned += (ulong)count;
                return _job;
            }
        }
    }
}
