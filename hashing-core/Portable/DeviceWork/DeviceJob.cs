using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// A job the fleet gateway hands one device (docs/mqtt.md, "Device work (binary)"): a nonce range of one header,
    /// in the compact binary form an ESP32 reads without a JSON parser. For sha256d the device gets the SHA-256
    /// midstate of header bytes 0..63 and the 12 nonce-independent bytes 64..75, which is all the per-nonce work needs;
    /// for scrypt, whose PBKDF2 hashes the whole header every time, it gets the 76-byte header prefix.
    /// </summary>
    public sealed partial class DeviceJob
    {
        /// <summary>Length of the sha256d tail: header bytes 64..75 (merkle root tail, ntime, nBits).</summary>
        public const int TailLength = 12;

        /// <summary>Length of the scrypt header prefix: the 80-byte header without its nonce.</summary>
        public const int PrefixLength = 76;

        private readonly uint _jobId;
        private readonly string _algorithm;
        private readonly Target _target;
        private readonly uint _firstNonce;
        private readonly ulong _nonceCount;
        private readonly uint _issuedAt;
        private readonly uint _lifetimeSeconds;
        private readonly uint[]? _midstate;
        private readonly byte[]? _tail;
        private readonly byte[]? _prefix;

        private DeviceJob(uint jobId, string algorithm, Target target, uint firstNonce, ulong nonceCount, uint issuedAt, uint lifetimeSeconds, uint[]? midstate, byte[]? tail, byte[]? prefix)
        {
            if (target == null)
            {
                throw new ArgumentNullException("target");
            }

            if (nonceCount == 0)
            {
                throw new ArgumentOutOfRangeException("nonceCount", "A job's nonce count must be at least 1.");
            }

            NonceRange.Check(firstNonce, nonceCount);
            _jobId = jobId;
            _algorithm = algorithm;
            _target = target;
            _firstNonce = firstNonce;
            _nonceCount = nonceCount;
            _issuedAt = issuedAt;
            _lifetimeSeconds = lifetimeSeconds;
            _midstate = midstate;
            _tail = tail;
            _prefix = prefix;
        }

        /// <summary>A sha256d job from a midstate (8 words, <see cref="Sha256.Midstate"/> of header bytes 0..63) and header bytes 64..75.</summary>
        /// <exception cref="ArgumentException">When the midstate is not 8 words, the tail not 12 bytes, or the nonce range is empty or passes 2^32.</exception>
        public static DeviceJob ForSha256d(uint jobId, uint[] midstate, byte[] tail12, Target target, uint firstNonce, ulong nonceCount, uint issuedAt, uint lifetimeSeconds)
        {
            if (midstate == null || midstate.Length != 8)
            {
                throw new ArgumentException("A sha256d job's midstate is exactly 8 words (Sha256.Midstate of header bytes 0..63).", "midstate");
            }

            if (tail12 == null || tail12.Length != TailLength)
            {
                throw new ArgumentException("A sha256d job's tail is exactly header bytes 64..75 (12 bytes).", "tail12");
            }

            return new DeviceJob(jobId, Algorithms.Sha256d, target, firstNonce, nonceCount, issuedAt, lifetimeSeconds, Copy(midstate), Copy(tail12), null);
        }

        /// <summary>A scrypt job from the 76-byte header prefix (the header without its nonce).</summary>
        /// <exception cref="ArgumentException">When the prefix is not 76 bytes, or the nonce range is empty or passes 2^32.</exception>
        public static DeviceJob ForScrypt(uint jobId, byte[] prefix76, Target target, uint firstNonce, ulong nonceCount, uint issuedAt, uint lifetimeSeconds)
        {
            if (prefix76 == null || prefix76.Length != PrefixLength)
            {
                throw new ArgumentException("A scrypt job's header prefix is exactly 76 bytes (the header without its nonce).", "prefix76");
            }

            return new DeviceJob(jobId, Algorithms.Scrypt, target, firstNonce, nonceCount, issuedAt, lifetimeSeconds, null, null, Copy(prefix76));
        }

        /// <summary>The job a gateway builds from its header work: midstate and tail for sha256d, the 76-byte prefix for scrypt.</summary>
        /// <exception cref="ArgumentException">When the nonce range is empty or passes 2^32.</exception>
        public static DeviceJob FromHeaderWork(uint jobId, HeaderWork work, uint firstNonce, ulong nonceCount, uint issuedAt, uint lifetimeSeconds)
        {
            if (work == null)
            {
                throw new ArgumentNullException("work");
            }

            byte[] header = work.HeaderWithNonce(0);
            if (work.Algorithm == Algorithms.Scrypt)
            {
                byte[] prefix = new byte[PrefixLength];
                Array.Copy(header, prefix, PrefixLength);
                return ForScrypt(jobId, prefix, work.Target, firstNonce, nonceCount, issuedAt, lifetimeSeconds);
            }

            byte[] tail = new byte[TailLength];
            Array.Copy(header, 64, tail, 0, TailLength);
            return ForSha256d(jobId, work.Midstate, tail, work.Target, firstNonce, nonceCount, issuedAt, lifetimeSeconds);
        }

        /// <summary>
        /// The gateway's number for this job: it names one header (pool job, extranonce2, ntime) in the gateway's job
        /// table, so a share needs only this and the nonce for the gateway to rebuild the header and check it.
        /// </summary>
        public uint JobId
        {
            get { return _jobId; }
        }

        /// <summary><see cref="Algorithms.Sha256d"/> or <see cref="Algorithms.Scrypt"/>.</summary>
        public string Algorithm
        {
            get { return _algorithm; }
        }

        /// <summary>The share target: a hash at or below it is sent to the gateway.</summary>
        public Target Target
        {
            get { return _target; }
        }

        /// <summary>The first nonce of the range to scan.</summary>
        public uint FirstNonce
        {
            get { return _firstNonce; }
        }

        /// <summary>How many nonces to scan, 1 to 2^32; first + count never passes 2^32.</summary>
        public ulong NonceCount
        {
            get { return _nonceCount; }
        }

        /// <summary>When the gateway issued the job, Unix seconds (UTC); for logs, as a device may have no clock.</summary>
        public uint IssuedAt
        {
            get { return _issuedAt; }
        }

        /// <summary>Seconds after receipt the device may keep working on the job before dropping it as stale.</summary>
        public uint LifetimeSeconds
        {
            get { return _lifetimeSeconds; }
        }

        /// <summary>A copy of the sha256d midstate (8 words); throws for a scrypt job.</summary>
        public uint[] GetMidstate()
        {
            return Copy(RequireSha256d("midstate"));
        }

        /// <summary>A copy of header bytes 64..75 of a sha256d job; throws for a scrypt job.</summary>
        public byte[] GetTail()
        {
            RequireSha256d("tail");
            return Copy(_tail!);
        }

        /// <summary>A copy of the 76-byte header prefix of a scrypt job; throws for a sha256d job.</summary>
        public byte[] GetHeaderPrefix()
        {
            return Copy(RequireScrypt("header prefix"));
        }

        private uint[] RequireSha256d(string what)
        {
            if (_midstate == null)
            {
                throw new InvalidOperationException("Only a sha256d job has a " + what + "; this job is " + _algorithm + ".");
            }

            return _midstate;
        }

        private byte[] RequireScrypt(string what)
        {
            if (_prefix == null)
            {
                throw new InvalidOperationException("Only a scrypt job has a " + what + "; this job is " + _algorithm + ".");
            }

            return _prefix;
        }

        private static uint[] Copy(uint[] words)
        {
            uint[] copy = new uint[words.Length];
            Array.Copy(words, copy, words.Length);
            return copy;
        }

        private static byte[] Copy(byte[] bytes)
        {
            byte[] copy = new byte[bytes.Length];
            Array.Copy(bytes, copy, bytes.Length);
            return copy;
        }
    }
}
