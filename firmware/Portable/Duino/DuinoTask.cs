using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>A Duino job in hand: the pool's job, its work for the scanners, how far it is scanned and when it came.</summary>
    public sealed class DuinoTask
    {
        private readonly DuinoJob _job;
        private readonly DucoWork _work;
        private readonly long _receivedMs;
        private ulong _scanned;

        /// <summary>A task for <paramref name="job"/>, received at uptime <paramref name="receivedMs"/>.</summary>
        public DuinoTask(DuinoJob job, long receivedMs)
        {
            _job = job;
            _work = job.ToWork();
            _receivedMs = receivedMs;
        }

        /// <summary>The pool's job.</summary>
        public DuinoJob Job
        {
            get { return _job; }
        }

        /// <summary>The job as DUCO-S1 work.</summary>
        public DucoWork Work
        {
            get { return _work; }
        }

        /// <summary>When the job arrived (uptime ms): the start of the time its hash rate is measured over.</summary>
        public long ReceivedMs
        {
            get { return _receivedMs; }
        }

        /// <summary>True once every nonce 0..100·difficulty was scanned.</summary>
        public bool IsExhausted
        {
            get { return _scanned >= _work.NonceCount; }
        }

        /// <summary>The next slice: its first nonce, and at most <paramref name="maxNonces"/> nonces (fewer at the end).</summary>
        public uint TakeSlice(int maxNonces, out int count)
        {
            ulong left = _work.NonceCount - _scanned;
            count = left < (ulong)maxNonces ? (int)left : maxNonces;
            uint first = (uint)_scanned;
            _scanned += (ulong)count;
            return first;
        }
    }
}
