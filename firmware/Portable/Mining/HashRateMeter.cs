using System;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Hashes per second over the last minute (docs/mqtt.md status <c>hashrate_hs</c>), in twelve 5-second buckets so
    /// it needs no list of samples, reported in tenths of H/s (no floating point).
    /// </summary>
    public sealed class HashRateMeter
    {
        private const int BucketMs = 5000;
        private const int Buckets = 12;

        private readonly object _gate = new object();
        private readonly long[] _hashes = new long[Buckets];
        private long _currentBucket = -1;
        private long _startMs = -1;

        /// <summary>Counts <paramref name="nonces"/> hashed at <paramref name="nowMs"/>.</summary>
        public void Add(int nonces, long nowMs)
        {
            lock (_gate)
            {
                Advance(nowMs);
                _hashes[(int)(_currentBucket % Buckets)] += nonces;
            }
        }

        /// <summary>The rate in tenths of H/s, averaged over the time measured (at most the last minute).</summary>
        public long TenthsPerSecond(long nowMs)
        {
            lock (_gate)
            {
                if (_startMs < 0)
                {
                    return 0;
                }

                Advance(nowMs);
                long total = 0;
                for (int i = 0; i < Buckets; i++)
                {
                    total += _hashes[i];
                }

                long windowStart = ((_currentBucket - Buckets + 1) * BucketMs) + _startMs;
                long from = windowStart > _startMs ? windowStart : _startMs;
                long spanMs = nowMs - from;
                return spanMs < 1000 ? 0 : total * 10000 / spanMs;
            }
        }

        private void Advance(long nowMs)
        {
            if (_startMs < 0)
            {
                _startMs = nowMs;
                _currentBucket = 0;
            }

            long bucket = (nowMs - _startMs) / BucketMs;
            if (bucket - _currentBucket >= Buckets)
            {
                Array.Clear(_hashes, 0, Buckets);
                _currentBucket = bucket;
                return;
            }

            while (_currentBucket < bucket)
            {
                _currentBucket++;
                _hashes[(int)(_currentBucket % Buckets)] = 0;
            }
        }
    }
}
